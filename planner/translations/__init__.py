"""The English catalog of the Swedish UI (`python -m planner.translations.build` rebuilds it)."""


def N_(text: str) -> str:
    """Marks a Swedish msgid for the catalog where it is defined; translated where it is shown (gettext).

    Lives here, not in planner.web, so modules below the web layer (planner.schedule) can mark their messages.
    """
    return text
