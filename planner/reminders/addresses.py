"""Email addresses that can reach SMTP: checked where they are entered and again before sending.

smtplib sends RCPT TO in ASCII and the messages are built without SMTPUTF8, so a local part
with å/ä/ö (or a CR/LF that would inject a header) cannot be delivered: it is refused with a
Swedish reason. A domain such as räksmörgås.se is fine: it is stored in its IDNA form
(xn--rksmrgs-5wao1o.se), which every mail server understands.
"""

from __future__ import annotations

import re

LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
TLD = re.compile(r"^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class BadAddress(ValueError):
    """An address that cannot be sent to; str() is the Swedish reason."""


def check_address(text: str) -> str:
    """The address in the form it is stored and sent (lower case, IDNA domain), or BadAddress."""
    value = (text or "").strip()
    if not value:
        raise BadAddress("Ange en e-postadress.")
    if CONTROL.search(value):
        raise BadAddress("E-postadressen får inte innehålla radbrytningar, tabbar eller andra styrtecken.")
    if value.count("@") != 1:
        raise BadAddress(f"”{value}” är ingen e-postadress (den ska ha formen namn@exempel.se).")
    local, domain = value.lower().split("@")
    if not local.isascii():
        raise BadAddress(f"”{value}” har tecken som å, ä eller ö före @; dit kan vi inte skicka "
                         "mejl. Använd en adress med bara a–z, 0–9 och . _ - + före @.")
    if len(local) > 64 or not LOCAL.match(local):
        raise BadAddress(f"”{value}” är ingen giltig e-postadress (delen före @ är felaktig).")
    ascii_domain = _idna(domain.rstrip("."), value)
    address = f"{local}@{ascii_domain}"
    if len(address) > 254:
        raise BadAddress("E-postadressen är för lång.")
    return address


def _idna(domain: str, value: str) -> str:
    bad = BadAddress(f"”{value}” är ingen giltig e-postadress (domänen efter @ är felaktig).")
    try:
        labels = [label.encode("idna").decode("ascii") if not label.isascii() else label
                  for label in domain.split(".")]
    except UnicodeError:
        raise bad from None
    if len(labels) < 2 or not all(LABEL.match(label) for label in labels) or not TLD.match(labels[-1]):
        raise bad
    return ".".join(labels)
