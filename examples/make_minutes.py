"""Regenerate the PDF, scanned-PDF and DOCX example minutes in examples/minutes/.

    .venv/bin/python examples/make_minutes.py

The text PDF is drawn with cairo (a real text layer, a running page header on each page);
the scanned PDF is the same kind of page rendered to a bitmap with no text layer at all, so
planner must OCR it; the DOCX keeps its header block in a table, as secretaries often do.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent / "minutes"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

TEXT_PDF_PAGES = [
    """PROTOKOLL
Styrgruppen för Kustkommunerna

Datum: Fredag 12 juni 2026
Tid: kl. 13.00–15.30
Plats: Kommunhuset, Kungsbacka, rum Tölö

Närvarande
Per Sandberg, kommundirektör Kungsbacka, ordförande
Anna Lindqvist, kommundirektör Varberg
Johan Ek, kommundirektör Falkenberg
Maria Holm, kommundirektör Halmstad
Lena Strand, samordnare, sekreterare

§ 1 Mötets öppnande
Ordföranden hälsade välkommen och förklarade mötet öppnat.

§ 2 Delårsrapport
Kansliet redovisade delårsrapporten per april.
Beslut
Att delårsrapporten ska vara kommunstyrelserna till handa senast den 31 augusti 2026.""",
    """§ 3 Kollektivtrafik längs kusten
Hallandstrafiken bjuder in till en workshop om nya busslinjer tisdagen
den 8 september kl 9.00-12.00 i Halmstad.

§ 4 Ordförandeskapet
Kungsbacka lämnar över ordförandeskapet till Varberg den 1 juli 2026.

§ 5 Nästa möte
Fredagen den 4 september kl 13.00-15.30, Stadshuset, Varberg.""",
]
TEXT_PDF_HEADER = "Kustkommunerna · Styrgruppen · Protokoll"

SCAN_LINES = """KUSTKOMMUNERNA

Minnesanteckningar från
Kustkommunernas ledningsgrupp

Tid      Fredag 14 augusti 2026 kl 9.00-11.30
Plats    Falkenbergs rådhus, sal Ätran

Deltagare
Eva Berg, Falkenbergs kommun
Omar Haddad, Halmstads kommun, ordförande
Karin Lund, Kungsbacka kommun
Lena Strand, Kustkommunerna, sekreterare

1. Kompetensförsörjning
Arbetsgruppen lämnar sin rapport senast den 25 september.

2. Skolornas lov
Höstlov vecka 44 i samtliga kommuner.

3. Nästa möte
Fredagen den 9 oktober kl 9.00-11.30 i Halmstad.""".split("\n")

DOCX_HEADER = [("Datum", "Torsdag 17 september 2026"), ("Tid", "kl. 08.30–10.00"),
               ("Plats", "Digitalt via Teams")]
DOCX_BODY = """1. Föregående minnesanteckningar
Anteckningarna från mötet den 14 augusti godkändes.

2. Gemensam upphandling av e-arkiv
Avtalet med nuvarande leverantör löper ut den 31 mars 2027. Kansliet tar fram
underlag till styrgruppens möte i oktober.

3. Möte med Region Halland
Dialogmöte med Region Halland onsdagen den 21 oktober kl 10-12 i Halmstad.

4. Mötet den 6 november
Mötet den 6 november är inställt.

5. Nästa möte
Torsdagen den 19 november kl 08.30-10.00, digitalt.""".split("\n")


def text_pdf(path: Path) -> None:
    import cairocffi as cairo

    width, height = 595, 842
    surface = cairo.PDFSurface(str(path), width, height)
    ctx = cairo.Context(surface)
    for number, page in enumerate(TEXT_PDF_PAGES, 1):
        ctx.select_font_face("DejaVu Sans")
        ctx.set_font_size(9)
        ctx.move_to(60, 40)
        ctx.show_text(TEXT_PDF_HEADER)
        ctx.move_to(480, 40)
        ctx.show_text(f"Sida {number} av {len(TEXT_PDF_PAGES)}")
        ctx.set_font_size(11)
        y = 80
        for line in page.split("\n"):
            ctx.move_to(60, y)
            ctx.show_text(line)
            y += 17
        ctx.show_page()
    surface.finish()


def scanned_pdf(path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    dpi = 150
    image = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 25)
    y = 120
    for line in SCAN_LINES:
        draw.text((120, y), line, font=font, fill=0)
        y += 40
    image.convert("1").save(path, "PDF", resolution=dpi)


def docx_file(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Kustkommunerna")
    document.add_heading("Minnesanteckningar, Kustkommunernas ledningsgrupp", level=1)
    table = document.add_table(rows=0, cols=2)
    for label, value in DOCX_HEADER:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for line in DOCX_BODY:
        document.add_paragraph(line)
    document.core_properties.title = "Minnesanteckningar ledningsgruppen"
    document.save(str(path))


def main() -> None:
    text_pdf(OUT / "kustkommunerna-styrgrupp-2026-06-12.pdf")
    scanned_pdf(OUT / "kustkommunerna-ledningsgrupp-2026-08-14-scan.pdf")
    docx_file(OUT / "kustkommunerna-ledningsgrupp-2026-09-17.docx")


if __name__ == "__main__":
    main()
