# Copy to instance/config.py and adjust. Environment variables PLANNER_<NAME> override these.
# Required for serving (gunicorn): python3 -c 'import secrets; print(secrets.token_hex(32))'
# SECRET_KEY = "…"
# DATABASE_URL = "postgresql://planner@127.0.0.1:5432/planner"   # default: SQLite in instance/
SMTP_URL = "smtp://127.0.0.1:8025"            # smtp://, smtps://, smtp://user:pass@host:587?starttls=1
MAIL_FROM = "Planner <planner@example.se>"
BASE_URL = "http://127.0.0.1:5000"            # used in links in feeds and mails
MAX_UPLOAD_MB = 20
