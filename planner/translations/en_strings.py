"""English for the review UI's Swedish strings. Regenerate the catalog with `make translations`."""

EN = {
    "Hoppa till innehållet": "Skip to content", "Huvudmeny": "Main menu", "Översikt": "Overview",
    "Protokoll": "Minutes", "Kalender": "Calendar", "Organisationer": "Organizations", "Logga ut": "Log out",
    "Logga in": "Log in", "Ladda upp protokoll": "Upload minutes", "Organisation": "Organization",
    "Grupp": "Body", "Som protokollet anger": "As the minutes say", "Välj filer": "Choose files",
    "eller dra hit dem": "or drop them here", "även skannad": "scanned too", "Högst": "At most",
    "Ladda upp och läs": "Upload and read", "Uppladdade": "Uploaded", "Fil": "File", "Möte": "Meeting",
    "Förslag": "Proposals", "Uppladdad": "Uploaded", "att granska": "to review", "klar": "done",
    "Inga protokoll ännu.": "No minutes yet.", "möte": "meeting", "rader": "lines",
    "Godkänn alla med säkerhet minst": "Accept all with confidence at least", "Godkänn alla": "Accept all",
    "Kortkommandon": "Keyboard shortcuts", "nästa/föregående": "next/previous", "godkänn": "accept",
    "avvisa": "reject", "redigera": "edit",
    "nästa / föregående förslag (raden i protokollet visas)": "next / previous proposal (shows its line)",
    "spara och godkänn markerat förslag": "save and accept the selected proposal",
    "avvisa markerat förslag": "reject the selected proposal",
    "redigera (fältet Datum får fokus)": "edit (focuses the date field)", "lämnar fältet": "leaves the field",
    "sparar": "saves", "Protokollets text": "Text of the minutes", "Säkerhet": "Confidence",
    "godkänt": "accepted", "avvisat": "rejected", "inget datum": "no date", "inställt": "cancelled",
    "rad": "line", "Ändrar en befintlig händelse": "Changes an existing event",
    "Finns redan i kalendern": "Already in the calendar",
    "att godkänna ändrar ingenting": "accepting changes nothing", "Rubrik": "Title", "Typ": "Kind",
    "Datum": "Date", "Slutdatum": "End date", "Start": "Start", "Slut": "End", "Plats": "Location",
    "Från (ordförande)": "From (chair)", "Till (ordförande)": "To (chair)", "Inställt": "Cancelled",
    "Godkänn": "Accept", "Avvisa": "Reject", "Spara": "Save", "Ångra": "Undo",
    "Inga förslag hittades i det här protokollet.": "No proposals were found in these minutes.",
    "Lägg in en händelse för hand": "Add an event by hand", "Filter": "Filter", "Alla": "All",
    "Status": "Status", "Visa": "Show", "Redigera": "Edit", "Ny händelse": "New event",
    "Redigera händelse": "Edit event", "Upprepning": "Repeats",
    "Undantag (datum som hoppas över, ett per rad)": "Exceptions (dates skipped, one per line)",
    "Beskrivning": "Description", "Avbryt": "Cancel", "Månadsvy": "Month view",
    "Inga händelser som matchar.": "No matching events.", "Föregående månad": "Previous month",
    "Nästa månad": "Next month", "Idag": "Today", "Lista": "List", "v.": "wk", "Deadline": "Deadline",
    "Ordförandeskifte": "Chair handover", "Lov": "Holiday", "Preliminär": "Tentative", "Inställd": "Cancelled",
    "Ställa in händelsen?": "Cancel this event?", "Ställ in": "Cancel event", "Ordförandeskap": "Chair",
    "Upprepas": "Repeats", "Undantag": "Exceptions", "Källa": "Source", "Version": "Version",
    "ändrad": "changed", "Kommande tillfällen": "Coming occurrences", "flyttat": "moved",
    "hoppa över": "skip", "Historik": "History", "skapad": "created", "inställd": "cancelled",
    "importerad": "imported", "från förslag i protokoll": "from a proposal in minutes",
    "Ingen historik.": "No history.", "Fel": "Error", "Tillbaka": "Back",
    "förslag väntar på granskning.": "proposals are waiting for review.", "Granska": "Review",
    "Kommande": "Coming", "preliminär": "tentative", "Inga kommande händelser.": "No coming events.",
    "Logga in för att ladda upp protokoll.": "Log in to upload minutes.", "Tidigare": "Earlier",
    "Senaste protokoll": "Latest minutes", "förslag": "proposals", "Namn": "Name",
    "Medlemskommuner": "Member municipalities", "Grupper": "Bodies",
    "Inga organisationer ännu.": "No organizations yet.", "Ny organisation": "New organization",
    "Skapa": "Create", "Byt namn": "Rename", "Ta bort": "Remove", "Inga ännu.": "None yet.",
    "Kommun": "Municipality", "Kommunkod": "Municipality code", "Lägg till": "Add",
    "Grupper och ordförandeskap": "Bodies and chairs", "Kalender för gruppen": "The body's calendar",
    "Ordförande nu": "Chair now", "okänt": "unknown", "Rotation": "Rotation", "ingen angiven": "none given",
    "mån per mandat": "months per term", "överlämning i": "handover in",
    "Kommande överlämningar": "Coming handovers",
    "Lägg in som preliminära händelser": "Add as tentative events", "Mandat": "Terms",
    "tills vidare": "until further notice", "Inga registrerade.": "None recorded.", "Ordförande": "Chair",
    "Från": "From", "Till": "To", "Lägg till mandat": "Add term",
    "Rotationsordning (kommatecken eller en per rad)": "Rotation order (commas or one per line)",
    "Mandattid (mån)": "Term (months)", "Överlämning i": "Handover in",
    "Publikt kalenderflöde": "Public calendar feed", "Spara gruppen": "Save body",
    "Inga grupper ännu.": "No bodies yet.", "Ny grupp": "New body", "Rotationsordning": "Rotation order",
    "Skapa grupp": "Create body", "Händelser i månaden": "Events this month",
    "Inga händelser den här månaden.": "No events this month.",
    "Inte samma händelse: lägg in en ny": "Not the same event: add a new one", "Godkänn som ny": "Accept as new",
    "Flytta": "Move", "Flytta tillfället": "Move this occurrence", "ny tid": "new time",
    "Del av serie": "Part of series",
    "Skapa en organisation först, så kan du ladda upp dess protokoll.":
        "Create an organization first; then you can upload its minutes.",
    "Ditt konto hör inte till någon organisation; be administratören koppla det.":
        "Your account belongs to no organization; ask the administrator to connect it.",
    "ange dag": "pick the day", "E-post": "Email", "Lösenord": "Password",
    "Samma fil två gånger känns igen och importeras inte igen. Inget hamnar i kalendern förrän du har "
    "godkänt det.": "The same file twice is recognised and not imported again. Nothing reaches the "
                    "calendar until you have accepted it.",
    'Tomt = en gång. T.ex. "första fredagen varje månad", "sista torsdagen i varje månad", '
    '"varannan onsdag", "varje år".': 'Empty = once. Swedish phrases such as "första fredagen varje månad" '
                                      '(first Friday every month), "varannan onsdag" (every other Wednesday), '
                                      'or an RRULE.',
    "Sammanslagen med": "Merged into", "Borttagen": "Deleted",
    "Prenumeranter ser den som inställd en tid till.": "Subscribers see it as cancelled for a while.",
    "Ta bort händelsen? Den som redan fått en påminnelse får ett meddelande om att den är inställd.":
        "Delete the event? Whoever was already reminded gets a message that it is cancelled.",
    "Slå ihop med en dubblett": "Merge a duplicate into this one",
    "Slå ihop? Dubbletten tas bort ur kalendern och dess påminnelser flyttas hit.":
        "Merge? The duplicate leaves the calendar and its reminders move here.",
    "Dubblett": "Duplicate", "Slå ihop": "Merge", "borttagen": "deleted", "sammanslagen": "merged",
    # Review that protects the calendar (issue 11)
    "väntar": "pending", "skickas nu": "sending now", "skickad": "sent", "misslyckad": "failed",
    "för sent, skickades inte": "too late, not sent", "bekräftad": "confirmed", "Nästa möte": "Next meeting",
    "Omnämnande (ej i kalendern)": "Mention (not in the calendar)",
    "påminnelse": "reminder", "besked om inställt": "cancellation notice", "veckobrev": "weekly digest",
    "Bekräftad": "Confirmed", "Säkerhet minst": "Confidence at least",
    "Kontrollera listan: det här hamnar i kalendern och i allas prenumerationer.":
        "Check the list: this goes into the calendar and every subscription.",
    "Godkänns": "Will be accepted", "Tid": "Time", "Rad i protokollet": "Line in the minutes", "ändrar": "changes",
    "heldag": "all day", "Godkänn de här": "Accept these",
    "Inget förslag kan godkännas utan att du tittar på det.": "No proposal can be accepted without you looking at it.",
    "Tillbaka till granskningen": "Back to the review", "Väntar på dig": "Waiting for you",
    "Godkänn alla …": "Accept all …", "t.ex. 9.30": "e.g. 9.30", "t.ex. 12.00": "e.g. 12.00",
    "Protokollet säger bara": "The minutes only say",
    "dagen är hämtad från händelsen som redan finns": "the day is taken from the event that already exists",
    "ange dag innan du godkänner": "give the day before accepting",
    "Utan starttid blir det en heldagshändelse. Slutdatum bara för perioder som lov.":
        "Without a start time it is an all-day event. End date only for periods such as holidays.",
    "Senast ändrad": "Last changed", "ändrad %(n)s gånger": "changed %(n)s times", "ändrad en gång": "changed once",
    "är ett omnämnande, inte en händelse": "is a mention, not an event", "saknar datum": "has no date",
    "har bara månad eller vecka: ange dag": "has only a month or week: give the day",
    "datumet har redan passerat": "the date has passed",
    "året står inte i protokollet": "the year is not in the minutes",
    "rubriken är mest reparerad OCR-text": "the title is mostly repaired OCR text",
    "säkerheten är under gränsen": "confidence is below the threshold",
    "Årshjul": "Annual wheel", "Kalenderflöden": "Calendar feeds", "Påminnelser": "Reminders",
    "Välj organisation …": "Choose organization …", "Vilken organisations kalender?": "Which organization's calendar?",
    "Fortsätt": "Continue", "sedan": "since", "till": "until", "då tar": "when", "över": "takes over",
    "Deadlines före varje möte (t.ex. kallelse 7 dagar före; handlingar till kansliet 14 dagar före)":
        "Deadlines before each meeting (e.g. kallelse 7 dagar före; handlingar till kansliet 14 dagar före)",
    # Background imports (templates/documents): progress, failure and retry.
    "Läses in": "Reading", "sida": "page", "av": "of", "väntar på sin tur": "waiting its turn",
    "startar": "starting",
    "Skannade sidor läses med textigenkänning (OCR), några sekunder per sida. Sidan uppdateras av sig själv; "
    "förslagen visas här när inläsningen är klar.": "Scanned pages are read with text recognition (OCR), a few "
                                                    "seconds a page. This page refreshes itself; the proposals "
                                                    "appear here when reading is done.",
    "Inläsningen misslyckades": "Reading failed", "Försök igen": "Try again", "läses in": "reading",
    "misslyckades": "failed",
    "Protokollet gav fler förslag än gränsen": "The minutes gave more proposals than the limit of",
    "per dokument": "per document",
    "av de minst säkra visas inte. Dela upp dokumentet om de behövs.": "of the least certain are not shown. "
                                                                       "Split the document if they are needed.",
    # Issue 11, the rest: refusals, flash messages, finding things, feeds admin and deliveries.
    "Ett omnämnande hör inte hemma i kalendern; välj en annan typ för att godkänna det.":
        "A mention does not belong in the calendar; choose another kind to accept it.",
    "Förslaget behöver ett datum för att kunna godkännas.": "The proposal needs a date before it can be accepted.",
    "Protokollet anger bara månad eller vecka: ange vilken dag innan du godkänner.":
        "The minutes give only a month or week: give the day before accepting.",
    "Slutdatum ligger före startdatum.": "The end date is before the start date.",
    "Sluttiden ligger före starttiden.": "The end time is before the start time.",
    "Ett möte kan inte vara längre än ett dygn; rätta slutdatumet eller sluttiden.":
        "A meeting cannot last more than 24 hours; correct the end date or end time.",
    "Ett möte kan inte vara längre än en dag; ta bort slutdatumet eller välj en annan typ.":
        "A meeting cannot last more than a day; remove the end date or choose another kind.",
    "Sessionen har gått ut. Logga in igen.": "Your session has expired. Please log in again.",
    "Fel e-postadress eller lösenord.": "Wrong email address or password.", "Du är utloggad.": "You are logged out.",
    "Välj organisation.": "Choose an organization.", "Välj minst en fil.": "Choose at least one file.",
    "%(name)s: mottagen, läses in nu. Förslagen visas på dokumentets sida när den är klar.":
        "%(name)s: received, being read now. The proposals appear on the document's page when it is done.",
    "Filen läses in igen.": "The file is being read again.", "Godkänt: %(title)s.": "Accepted: %(title)s.",
    "Förslaget avvisat.": "Proposal rejected.", "Ändringarna sparade.": "Changes saved.",
    "Ange en säkerhet mellan 0 och 1.": "Give a confidence between 0 and 1.", "Ange en rubrik.": "Give a title.",
    "Okänd typ eller status.": "Unknown kind or status.", "Ange ett datum.": "Give a date.",
    "Okänd grupp.": "Unknown body.", "Upprepning: %(reason)s": "Repeats: %(reason)s",
    "%(field)s: skriv datumet som ÅÅÅÅ-MM-DD.": "%(field)s: write the date as YYYY-MM-DD.",
    "Till-datumet ligger före från-datumet; de har bytt plats.":
        "The to date is before the from date; they were swapped.",
    "Listan visar högst tio år åt gången.": "The list shows at most ten years at a time.",
    "Skapad: %(title)s.": "Created: %(title)s.", "Sparat.": "Saved.", "Inget ändrades.": "Nothing changed.",
    "Inställt: %(title)s.": "Cancelled: %(title)s.",
    "Ett flyttat tillfälle tas inte bort för sig; hoppa över det i serien i stället.":
        "A moved occurrence is not deleted on its own; skip it in the series instead.",
    "Borttagen: %(title)s. Den som redan fått en påminnelse får ett meddelande om att den är inställd.":
        "Deleted: %(title)s. Whoever was already reminded gets a message that it is cancelled.",
    "Sammanslagen: %(title)s ingår nu i den här händelsen (%(moved)s skickade påminnelser flyttade).":
        "Merged: %(title)s is now part of this event (%(moved)s sent reminders moved).",
    "Tillfället %(day)s är undantaget från serien.": "The occurrence on %(day)s is left out of the series.",
    "Tillfället %(day)s är flyttat.": "The occurrence on %(day)s is moved.",
    "Välj vad flödet ska visa: en organisation, ett organ eller en kommun.":
        "Choose what the feed shows: an organization, a body or a municipality.",
    "Flödet är skapat. Skicka prenumerationssidans länk till dem som ska prenumerera.":
        "The feed is created. Send the subscribe page's link to those who should subscribe.",
    "Flödet är återkallat: adressen fungerar inte längre.": "The feed is revoked: its address no longer works.",
    "Flödet har fått en ny adress; den gamla fungerar inte längre. Prenumeranterna behöver den nya.":
        "The feed has a new address; the old one no longer works. Subscribers need the new one.",
    "Öppet flöde för %(body)s är på.": "Public feed for %(body)s is on.",
    "Öppet flöde för %(body)s är av.": "Public feed for %(body)s is off.",
    "Välj ett organ att importera till.": "Choose a body to import into.",
    "Importen stoppades: %(reason)s": "The import was stopped: %(reason)s",
    "Importerat till %(body)s: %(summary)s.": "Imported into %(body)s: %(summary)s.", "Ange ett namn.": "Give a name.",
    "Det finns redan en organisation som heter %(name)s.": "There already is an organization called %(name)s.",
    "Organisationen %(name)s är skapad.": "The organization %(name)s is created.",
    "Namnet är ändrat.": "The name is changed.",
    "Ange kommunens namn (och ev. fyrsiffrig kommunkod).": "Give the municipality's name (and its four-digit code).",
    "%(name)s är sparad.": "%(name)s is saved.",
    "Ange vem som är ordförande och från vilket datum (ÅÅÅÅ-MM-DD); slutet efter starten.":
        "Give who chairs and from which date (YYYY-MM-DD); the end after the start.",
    "Kontaktadressen sparades inte: %(reason)s": "The contact address was not saved: %(reason)s",
    "Ordförandeskapet för %(holder)s är sparat.": "The chair term of %(holder)s is saved.",
    "%(count)s preliminära överlämningar lades in i kalendern.":
        "%(count)s tentative handovers were added to the calendar.",
    "Inga nya överlämningar: de kommande finns redan, eller rotationen har färre än två namn.":
        "No new handovers: the coming ones exist already, or the rotation has fewer than two names.",
    "Starttid": "Start time", "Sluttid": "End time",
    "%(field)s: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-12-04.":
        "%(field)s: write the date as YYYY-MM-DD, e.g. 2026-12-04.",
    "%(field)s: skriv tiden som 9.45 eller 09:45.": "%(field)s: write the time as 9.45 or 09:45.",
    "Okänd typ.": "Unknown kind.",
    "Ange en starttid när du anger en sluttid.": "Give a start time when you give an end time.",
    "Vi kunde inte skicka mejlet just nu. Dina val är sparade; försök igen om en stund.":
        "We could not send the mail just now. Your choices are saved; try again in a while.",
    "Tack! Dina påminnelser är bekräftade.": "Thank you! Your reminders are confirmed.",
    "Dina val är sparade.": "Your choices are saved.",
    "Förslag till årshjulet %(year)s finns redan (dokument %(document)s). Granska dem under protokollen.":
        "Proposals for the %(year)s wheel exist already (document %(document)s). Review them under Minutes.",
    "%(count)s förslag till årshjulet %(year)s väntar på granskning (dokument %(document)s).":
        "%(count)s proposals for the %(year)s wheel wait for review (document %(document)s).",
    "Sök bland händelser och protokoll": "Search events and minutes", "Sök …": "Search …", "Sök": "Search",
    "rubrik, plats, grupp …": "title, place, body …", "Sökresultat för": "Results for",
    "Inga protokoll som matchar.": "No matching minutes.", "Händelser": "Events",
    "%(first)s–%(last)s av %(total)s": "%(first)s–%(last)s of %(total)s", "Sidor": "Pages",
    "Föregående": "Previous", "Sida %(number)s av %(count)s": "Page %(number)s of %(count)s", "Nästa": "Next",
    "Importera en kalender (.ics)": "Import a calendar (.ics)", "Flöden": "Feeds", "Visar": "Shows",
    "Typer": "Kinds", "Åtgärder": "Actions", "alla": "all", "återkallat": "revoked",
    "prenumerationssida": "subscribe page", "Återkalla": "Revoke", "Ny adress": "New address",
    "Inga flöden ännu.": "No feeds yet.", "Nytt flöde": "New feed",
    "Namn (för er egen lista)": "Name (for your own list)",
    "hela organisationen": "the whole organization",
    "alla organ kommunen är med i": "every body the municipality is in",
    "Bara dessa typer (inget val = alla)": "Only these kinds (none chosen = all)", "Skapa flöde": "Create feed",
    "Öppna flöden per organ": "Public feeds per body",
    "Ett öppet flöde kan läsas av vem som helst som har adressen, utan hemlig nyckel.":
        "A public feed can be read by anyone with the address, without a secret key.",
    "Organ": "Body", "Öppet flöde": "Public feed", "öppen prenumerationssida": "public subscribe page",
    "avstängt": "off", "Stäng av": "Switch off", "Slå på": "Switch on", "Utskick": "Deliveries",
    "Utskick av påminnelser": "Reminder deliveries", "Inga utskick ännu.": "No deliveries yet.",
    "Misslyckade": "Failed", "Skulle skickas": "Was due", "Om": "About", "Försök": "Attempts",
    "Svar från e-postservern": "Reply from the mail server", "Svar": "Reply",
    "Inga misslyckade utskick.": "No failed deliveries.", "Närmast på tur": "Coming up", "Skickas": "Due",
    "Ledtid": "Lead time", "Inget planerat.": "Nothing planned.", "Prenumeranter": "Subscribers",
    "aktiv": "active", "avregistrerad": "unsubscribed", "obekräftad": "unconfirmed",
    "Inga prenumeranter ännu.": "No subscribers yet.",
    "%(count)s förslag godkända, väntar på dig: %(held)s.": "%(count)s proposals accepted, waiting for you: %(held)s.",
    "%(count)s förslag godkända.": "%(count)s proposals accepted.",
    # The reminder pages people without an account see.
    "Möten": "Meetings", "Sista dagar": "Deadlines", "Vilka grupper?": "Which bodies?",
    "Välj inga för att få allt från organisationen.": "Choose none to get everything from the organization.",
    "påminn mig": "remind me", "Påminnelser kommer kl. 08.00 svensk tid.": "Reminders arrive at 08.00 Swedish time.",
    "Veckobrev måndagar kl. 07.00 om de kommande två veckorna":
        "A weekly digest on Mondays at 07.00 about the coming two weeks",
    "Kolla din e-post": "Check your email", "Vi har skickat ett mejl till": "We have sent a mail to",
    "Öppna länken i det för att bekräfta dina påminnelser.": "Open the link in it to confirm your reminders.",
    "Bekräfta": "Confirm", "Bekräfta dina påminnelser": "Confirm your reminders",
    "Påminnelser skickas till": "Reminders are sent to", "Påminnelser via e-post": "Reminders by email",
    "Få ett mejl före möten och sista dagar, så att inget glöms bort. Du bekräftar din adress via en länk i ett "
    "mejl, och varje påminnelse har en länk för att avsluta.":
        "Get a mail before meetings and deadlines, so nothing is forgotten. You confirm your address through a "
        "link in a mail, and every reminder has a link to stop them.",
    "E-postadress": "Email address", "Prenumerera": "Subscribe",
    "Utskick och misslyckade påminnelser": "Deliveries and failed reminders", "Mina påminnelser": "My reminders",
    "inte bekräftad än": "not confirmed yet", "Avsluta alla påminnelser": "Stop all reminders", "Avsluta": "Stop",
    "Du är avregistrerad": "You are unsubscribed", "får inga fler påminnelser.": "gets no more reminders.",
    "Ångrat dig?": "Changed your mind?", "Prenumerera igen": "Subscribe again",
    "Avsluta påminnelser": "Stop reminders", "Vill du sluta få påminnelser till": "Do you want to stop reminders to",
    "Publikt kalenderflöde: på (bara en administratör ändrar det)":
        "Public calendar feed: on (only an admin changes it)",
    "Publikt kalenderflöde: av (bara en administratör ändrar det)":
        "Public calendar feed: off (only an admin changes it)",
    # planner.labels: kinds, statuses and lead times.
    "Period": "Period", "Händelse": "Event", "samma dag": "on the day", "1 dag före": "1 day before",
    "%(n)s dagar före": "%(n)s days before", "1 timme före": "1 hour before",
    "%(n)s timmar före": "%(n)s hours before", "%(h)s tim %(m)s min före": "%(h)s h %(m)s min before",
    "i dag": "today", "i morgon": "tomorrow", "om %(n)s dagar": "in %(n)s days",
    "Ange gruppens namn.": "Give the group's name.", "Mandattiden anges i månader (1–60).":
    "The term of office is given in months (1–60).", "Okänd månad för överlämning.": "Unknown month for the handover.",
}
