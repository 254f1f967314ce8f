"""Reading articles: formats, layout (headline, dateline, boilerplate), dates, language.

Every article here is written by the test (in tmp_path); only the last
tests read the two seed articles shipped in examples/articles.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.model import Article
from kg.read.articles import article_from_text, read_path

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "articles"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def marked(article: Article) -> dict[str, str]:
    """Boilerplate lines of an article: text → rule."""
    return {article.text[b.start:b.end]: b.rule for b in article.boilerplate}


def only(items: list) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


# An Indonesian page dump written for these tests: banner, tagline, section,
# headline, byline, timestamp, dateline, body, furniture.
PAGE_ID = """\
WARTA NUSANTARA
Portal Berita Terpercaya
Internasional

Menteri Luar Negeri Jepang Tiba di Jakarta untuk Bahas Perdagangan
Penulis: Rina Wulandari | Editor: Agus Salim
Rabu, 6 Maret 2024 10:15 WIB

JAKARTA, wartanusantara.id - Menteri Luar Negeri Jepang tiba di Jakarta pada Rabu untuk membahas perjanjian perdagangan dengan pemerintah Indonesia.

Kunjungan itu berlangsung dua hari dan mencakup pertemuan dengan Presiden.

Baca juga: Harga Cabai Naik Menjelang Ramadan

Berita terkait penandatanganan perjanjian itu menyebar cepat di media sosial.

Foto itu menunjukkan kedua menteri berjabat tangan di depan gedung kementerian.

Rekomendasi itu disampaikan oleh tim ahli kepada kedua pemerintah pekan lalu.

Menteri itu menulis di saluran Telegram resminya bahwa pembicaraan berjalan baik.

Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita Warta Nusantara WhatsApp Channel: https://whatsapp.com/channel/xyz

Ikuti berita terkini dari Warta Nusantara di Google News, klik di sini.

Artikel ini telah tayang di WartaNusantara.id dengan judul "Menlu Jepang ke Jakarta"

(wn/ant)

Copyright © 2024 Warta Nusantara. All rights reserved.

Tinggalkan Balasan
Nama *
Komentar anda sangat berarti bagi kami dan akan dimoderasi.
"""

REAL_SENTENCES_ID = [
    "Kunjungan itu berlangsung dua hari dan mencakup pertemuan dengan Presiden.",
    "Berita terkait penandatanganan perjanjian itu menyebar cepat di media sosial.",
    "Foto itu menunjukkan kedua menteri berjabat tangan di depan gedung kementerian.",
    "Rekomendasi itu disampaikan oleh tim ahli kepada kedua pemerintah pekan lalu.",
    "Menteri itu menulis di saluran Telegram resminya bahwa pembicaraan berjalan baik.",
]

PAGE_EN = """\
Ukraine and South Korea agree to share intelligence
By Jane Miller and Tom Hughes

KYIV, Ukraine (AP) — Ukraine's president said on Tuesday that he had agreed with South Korea's leader to exchange delegations and share intelligence.

Related to this, officials in Seoul said the talks lasted about an hour and were constructive.

By Tuesday evening, both governments had confirmed the agreement in separate statements.

Read more: Markets rally after rate decision

Advertisement

Sign up for our morning newsletter to get the top stories in your inbox.

Reporting by Jane Miller; Editing by Tom Hughes

Copyright 2024 The Associated Press. All rights reserved.
"""


def test_indonesian_page_layout(tmp_path):
    a = only(list(read_path(write(tmp_path / "berita.txt", PAGE_ID))))
    assert a.id == "berita.txt" and a.language == "id"
    assert a.title == "Menteri Luar Negeri Jepang Tiba di Jakarta untuk Bahas Perdagangan"
    assert a.dateline_place == "JAKARTA" and a.outlet == "wartanusantara.id"
    assert a.text[a.dateline.start:a.dateline.end] == "JAKARTA, wartanusantara.id - "
    assert a.text[a.body_start:].startswith(a.title)   # headlines are content: they report events too
    assert a.published == date(2024, 3, 6)          # the timestamp line under the headline
    rules = marked(a)
    assert {rules["WARTA NUSANTARA"], rules["Portal Berita Terpercaya"], rules["Internasional"]} == {"site-banner"}
    assert rules["Penulis: Rina Wulandari | Editor: Agus Salim"] == "byline"
    assert rules["Rabu, 6 Maret 2024 10:15 WIB"] == "timestamp"
    assert rules["Baca juga: Harga Cabai Naik Menjelang Ramadan"] == "read-also"
    assert [r for t, r in rules.items() if t.startswith(("Simak breaking", "Ikuti berita"))] == ["promo", "promo"]
    assert rules['Artikel ini telah tayang di WartaNusantara.id dengan judul "Menlu Jepang ke Jakarta"'] == "syndication"
    assert rules["(wn/ant)"] == "credit"
    assert rules["Copyright © 2024 Warta Nusantara. All rights reserved."] == "copyright"
    # the comment area: its header, its fields and what follows
    assert rules["Tinggalkan Balasan"] == "comment-section" and rules["Nama *"] == "comment-form"
    assert rules["Komentar anda sangat berarti bagi kami dan akan dimoderasi."] == "comment-section"
    for sentence in REAL_SENTENCES_ID + [a.title]:
        start = a.text.index(sentence)
        assert not a.is_boilerplate(type(a.dateline)(start, start + len(sentence))), sentence
    # offsets point into the original text
    for b in a.boilerplate:
        assert a.text[b.start:b.end].strip() == a.text[b.start:b.end] != ""


def test_english_page_layout(tmp_path):
    a = only(list(read_path(write(tmp_path / "story.md", PAGE_EN))))
    assert a.language == "en" and a.title == "Ukraine and South Korea agree to share intelligence"
    assert (a.dateline_place, a.outlet) == ("KYIV", "AP")
    rules = marked(a)
    assert rules == {
        "By Jane Miller and Tom Hughes": "byline",
        "Read more: Markets rally after rate decision": "read-also",
        "Advertisement": "advertisement",
        "Sign up for our morning newsletter to get the top stories in your inbox.": "promo",
        "Reporting by Jane Miller; Editing by Tom Hughes": "reporting-credit",
        "Copyright 2024 The Associated Press. All rights reserved.": "copyright",
    }


@pytest.mark.parametrize("paragraph, place, outlet", [
    ("JAKARTA, KOMPAS.com - Presiden mengatakan bahwa kabinet akan bertemu besok.", "JAKARTA", "KOMPAS.com"),
    ("Jakarta (ANTARA) - Menteri Luar Negeri bertemu duta besar Jepang di Jakarta.", "Jakarta", "ANTARA"),
    ("Liputan6.com, Jakarta - Menteri Luar Negeri bertemu duta besar Jepang kemarin.", "Jakarta", "Liputan6.com"),
    ("Jakarta, CNN Indonesia -- Menteri Luar Negeri bertemu duta besar Jepang kemarin.", "Jakarta", "CNN Indonesia"),
    ("TEMPO.CO, Jakarta - Menteri Luar Negeri bertemu duta besar Jepang kemarin.", "Jakarta", "TEMPO.CO"),
    ("Jakarta - Menteri Luar Negeri bertemu duta besar Jepang kemarin siang.", "Jakarta", None),
    ("SEOUL, beritadunia.online – Presiden Korea Selatan bertemu duta besar Jepang kemarin.", "SEOUL",
     "beritadunia.online"),
    ("WASHINGTON, Oct 29 (Reuters) - The United States said on Tuesday it would respond.", "WASHINGTON", "Reuters"),
    ("• TEMPO.CO, Pekanbaru - The air force flies four fighter jets to the islands today.", "Pekanbaru", "TEMPO.CO"),
])
def test_datelines(paragraph, place, outlet):
    a = article_from_text("Judul Berita yang Cukup Panjang\n\n" + paragraph + "\n", "x.txt", lang="id")
    assert (a.dateline_place, a.outlet) == (place, outlet)
    assert a.text[a.dateline.end - 2:a.dateline.end] in ("- ", "– ", "— ")


@pytest.mark.parametrize("paragraph", [
    "Zelensky – who spoke by phone on Tuesday – said the talks had been useful.",
    "Presiden Ukraina Volodymyr Zelensky - yang berbicara lewat telepon - mengatakan hal itu.",
    "Buntut Kabar Korut - Ukraina Sepakat Perdalam Kerja Sama Keamanan dengan Korsel",
])
def test_no_false_datelines(paragraph):
    a = article_from_text(paragraph + "\n\nParagraf kedua yang cukup panjang untuk menjadi isi berita ini.\n",
                          "x.txt", lang="id")
    assert a.dateline is None and a.dateline_place is None


def test_an_event_date_in_the_first_paragraph_is_no_publication_date():
    # the day the president spoke, not the day the article came out: nothing is dated by guess
    a = article_from_text("SEOUL, Yonhap - Presiden Korea Selatan mengumumkan pada Selasa (29/10/2024) "
                          "bahwa ia telah berbicara dengan mitranya.\n", "x.txt", lang="id")
    assert a.published is None and a.title is None and a.body_start == a.dateline.end
    dated = article_from_text("SEOUL, 30 Oktober 2024, Yonhap - Presiden Korea Selatan mengumumkan pada Selasa "
                              "(29/10/2024) bahwa ia telah berbicara dengan mitranya.\n", "x.txt", lang="id")
    assert dated.published == date(2024, 10, 30)


def test_html_main_text_title_date_no_script(tmp_path):
    html = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Menteri Bertemu Delegasi Jepang - Warta Contoh</title>
<meta property="og:site_name" content="Warta Contoh">
<meta property="article:published_time" content="2024-03-05T08:00:00+07:00">
<style>body { color: red; } .gaya-rahasia { display: none }</style>
<script>var skripRahasia = "jangan tampil"; document.write("x");</script>
</head><body><nav><a href="/">Beranda</a> <a href="/n">Nasional</a></nav>
<article><h1>Menteri Bertemu Delegasi Jepang</h1>
<p>JAKARTA, Warta Contoh - Menteri Luar Negeri menerima delegasi Jepang di Jakarta pada Selasa untuk membahas kerja sama perdagangan kedua negara.</p>
<script>console.log("skrip di tengah artikel")</script>
<style>p.tersembunyi { color: blue }</style>
<p>Pertemuan itu berlangsung selama dua jam dan menghasilkan beberapa kesepakatan awal di bidang energi.</p>
<p>Baca juga: Harga Beras Naik Lagi</p>
<p>Kedua pihak sepakat untuk bertemu kembali tahun depan di Tokyo, kata juru bicara kementerian.</p>
</article><footer>Hak cipta 2024 Warta Contoh</footer></body></html>"""
    a = only(list(read_path(write(tmp_path / "halaman.html", html))))
    for secret in ("skripRahasia", "jangan tampil", "skrip di tengah", "console.log", "color", "gaya-rahasia", "{"):
        assert secret not in a.text
    assert "Beranda" not in a.text
    assert a.title == "Menteri Bertemu Delegasi Jepang" and a.published == date(2024, 3, 5)
    assert a.outlet == "Warta Contoh" and a.dateline_place == "JAKARTA" and a.language == "id"
    assert a.text[a.body_start:].startswith("Menteri Bertemu Delegasi Jepang\nJAKARTA")
    assert "Kedua pihak sepakat" in a.text
    assert marked(a) == {"Baca juga: Harga Beras Naik Lagi": "read-also"}


def test_jsonl_and_json_records(tmp_path):
    body = "Presiden Korea Selatan berbicara dengan Presiden Ukraina melalui telepon pada Selasa malam."
    records = [
        {"text": body, "title": "Dua Presiden Berbicara", "url": "https://contoh.id/a", "date": "2024-10-29",
         "source": "Contoh News"},
        {"text": "The two presidents spoke by phone on Tuesday evening, their offices said in statements."},
        {"text": "Kedua presiden berbicara.", "language": "en-GB"},
        {"text": "Kedua presiden berbicara lewat telepon pada Selasa malam.", "language": "Indonesian"},
    ]
    write(tmp_path / "data" / "batch.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    write(tmp_path / "data" / "one.json", json.dumps(records[0]))
    write(tmp_path / "data" / "list.json", json.dumps(records))
    items = list(read_path(tmp_path))
    assert [i.id for i in items] == ["data/batch.jsonl#1", "data/batch.jsonl#2", "data/batch.jsonl#3",
                                     "data/batch.jsonl#4", "data/list.json#1", "data/list.json#2",
                                     "data/list.json#3", "data/list.json#4", "data/one.json"]
    first = items[0]
    assert (first.title, first.url, first.outlet, first.published) == (
        "Dua Presiden Berbicara", "https://contoh.id/a", "Contoh News", date(2024, 10, 29))
    assert first.text == body
    # detected, or as the record's language tag says ("Indonesian" is no tag: detected)
    assert [i.language for i in items[:4]] == ["id", "en", "en", "id"]


def test_markdown_heading_is_the_title(tmp_path):
    text = ("# Gempa Magnitudo 6 Guncang Lepas Pantai Sumatra\n\n**Penulis:** Dewi Lestari\n\n"
            "Gempa bermagnitudo 6 mengguncang lepas pantai barat Sumatra pada Kamis pagi, kata badan geofisika.\n")
    a = only(list(read_path(write(tmp_path / "gempa.md", text))))
    assert a.title == "Gempa Magnitudo 6 Guncang Lepas Pantai Sumatra"
    assert marked(a) == {"**Penulis:** Dewi Lestari": "byline"}
    assert a.text[a.body_start:].startswith("# Gempa Magnitudo 6")


def test_language_auto_and_forced(tmp_path):
    write(tmp_path / "en.txt", PAGE_EN)
    write(tmp_path / "id.txt", PAGE_ID)
    assert [a.language for a in read_path(tmp_path)] == ["en", "id"]
    assert [a.language for a in read_path(tmp_path, lang="id")] == ["id", "id"]


def test_stable_sorted_order_nested(tmp_path):
    text = "Paragraf berita yang cukup panjang untuk dibaca sebagai isi artikel ini."
    for name in ["b.txt", "a/z.md", "a/b/c.txt", "A.txt", "c.htm.txt", ".hidden.txt", ".git/x.txt", "notes.csv"]:
        write(tmp_path / name, text)
    ids = [a.id for a in read_path(tmp_path)]
    assert ids == ["A.txt", "a/b/c.txt", "a/z.md", "b.txt", "c.htm.txt"]
    assert ids == [a.id for a in read_path(tmp_path)]


# --- the two seed articles -------------------------------------------------

# boilerplate lines of the seeds, as a reader annotated them (prefixes)
SEED_BOILERPLATE = {
    "000_91fd489c48fefebd.txt": ["SP NEWS GLOBAL INDONESIA", "Berita Seputar Global Indonesia", "Global",
                                 "Baca juga:", "Baca Juga:", "Dengarkan berita terkini", "LEAVE A RESPONSE",
                                 "Alamat email Anda tidak akan dipublikasikan"],
    "002_c45c19499be97a17.txt": ["Baca juga:", "(Tribunnews.com/"],
}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    items = list(read_path(SEEDS))
    assert all(isinstance(i, Article) for i in items), items
    return {a.id: a for a in items}


def test_seed_datelines_and_titles(seeds):
    a, b = seeds["000_91fd489c48fefebd.txt"], seeds["002_c45c19499be97a17.txt"]
    assert a.dateline_place == "KYIV" and a.outlet == "sp-globalindo.co.id"
    assert a.text[a.dateline.start:a.dateline.end].rstrip() == "KYIV, sp-globalindo.co.id –"
    assert a.title and a.title.startswith("Buntut Kabar Korut Kirim Tentara ke Rusia")
    assert b.outlet == "TRIBUNNEWS.COM" and b.dateline.start == 0 and b.text[b.dateline.end - 2] == "-"
    assert b.title is None                        # this page dump has no headline line
    assert a.published is None                    # "Selasa (29/10/2024)" in the first paragraph is the call's day
    assert a.language == b.language == "id"


def test_seed_boilerplate(seeds):
    for name, prefixes in SEED_BOILERPLATE.items():
        a = seeds[name]
        lines = list(marked(a))
        assert len(lines) == len(prefixes), lines
        for prefix in prefixes:
            assert sum(line.startswith(prefix) for line in lines) >= 1, prefix
        # no real sentence is furniture: every other line is article text
        content = [line.strip() for line in a.text.splitlines() if line.strip() and line.strip() not in lines]
        assert all(not line.startswith(tuple(prefixes)) for line in content)


def test_seed_dateline_is_cut_from_first_sentence(seeds):
    from kg.parse.nlp import segments

    for a in seeds.values():
        first_body = next(t for off, t in segments(a) if off >= a.dateline.start)
        assert first_body.startswith("Presiden Ukraina Volodymyr Zelensky")


# Page dumps in the shapes of common news sites (written for these tests):
# (text, headline, {line: rule} that must be marked, lines that must stay text, outlet)
SITE_SHAPES = [
    ("detikNews\nBerita\nInternasional\n\nKorsel Panggil Dubes Rusia Usai Laporan Pengiriman Tentara\n"
     "Tim detikcom - detikNews\nSelasa, 22 Okt 2024 15:30 WIB\n\n"
     "Jakarta - Kementerian Luar Negeri Korea Selatan memanggil duta besar Rusia untuk memprotes kerja sama militer.\n"
     "ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\n"
     "Wakil Menteri Luar Negeri menyampaikan protes keras dalam pertemuan di Seoul, menurut pernyataan kementerian.\n"
     'Simak Video "Video: Pasukan Dikirim ke Perbatasan"\n(haf/haf)\n',
     "Korsel Panggil Dubes Rusia Usai Laporan Pengiriman Tentara",
     {"Tim detikcom - detikNews": "outlet-line", "Selasa, 22 Okt 2024 15:30 WIB": "timestamp",
      "ADVERTISEMENT": "advertisement", "(haf/haf)": "credit"},
     ["Wakil Menteri Luar Negeri menyampaikan protes keras"], "detikNews"),
    ("Kompas.com\nInternasional\nMenlu Bertemu Menlu China di Beijing, Bahas Laut China Selatan\n"
     "Kompas.com - 12/07/2024, 10:05 WIB\nPenulis Ardi Utomo | Editor Ardi Utomo\nLihat Foto\n"
     "Menteri Luar Negeri (kiri) bersama Menlu China. (DOK. KEMENLU RI)\n"
     "BEIJING, KOMPAS.com - Menteri Luar Negeri bertemu dengan Menteri Luar Negeri China di Beijing pada Jumat (12/7/2024).\n"
     "Keduanya membahas situasi di Laut China Selatan dan kerja sama ekonomi kedua negara (ASEAN).\n",
     "Menlu Bertemu Menlu China di Beijing, Bahas Laut China Selatan",
     {"Penulis Ardi Utomo | Editor Ardi Utomo": "byline", "Lihat Foto": "read-also",
      "Menteri Luar Negeri (kiri) bersama Menlu China. (DOK. KEMENLU RI)": "photo-caption",
      "Kompas.com - 12/07/2024, 10:05 WIB": "timestamp"},
     ["Keduanya membahas situasi"], "KOMPAS.com"),
    ("World\nJapan, Philippines sign defence pact as China tensions rise\nBy Tim Kelly and Karen Lema\n"
     "July 8, 2024 7:45 AM GMT+7 Updated 2 days ago\n\n"
     "MANILA, July 8 (Reuters) - Japan and the Philippines signed a defence pact on Monday that allows troop deployments.\n\n"
     "Reporting by Karen Lema in Manila; Editing by Martin Petty\n",
     "Japan, Philippines sign defence pact as China tensions rise",
     {"World": "site-banner", "By Tim Kelly and Karen Lema": "byline",
      "July 8, 2024 7:45 AM GMT+7 Updated 2 days ago": "timestamp"},
     [], "Reuters"),
    ("Ukraine war: Zelensky visits front line near Kharkiv\nPublished\n2 hours ago\nShare\nImage source, Reuters\n"
     "Image caption,\nMr Zelensky met soldiers near the front\n"
     "President Volodymyr Zelensky has visited troops on the front line near Kharkiv, his office said on Tuesday.\n"
     "Related Topics\nRussia-Ukraine war\n",
     "Ukraine war: Zelensky visits front line near Kharkiv",
     {"2 hours ago": "timestamp", "Image caption,": "image-caption",
      "Mr Zelensky met soldiers near the front": "image-caption", "Russia-Ukraine war": "related-section"},
     ["President Volodymyr Zelensky has visited troops"], None),
]


@pytest.mark.parametrize("text, headline, furniture, prose, outlet", SITE_SHAPES)
def test_site_shapes(text, headline, furniture, prose, outlet):
    a = article_from_text(text, "page.txt")
    assert a.outlet == outlet
    rules = marked(a)
    assert a.title == headline and headline not in rules
    assert {line: rules.get(line) for line in furniture} == furniture
    assert not [line for line in rules if line.startswith(tuple(prose))]
    assert a.body_start == a.text.index(headline)   # furniture above the headline is left out


@pytest.mark.parametrize("line, rule", [
    ("Baca Juga: Harga Emas Hari Ini", "read-also"),
    ("Simak juga: Video Banjir di Jakarta", "read-also"),
    ("Saksikan Video Pilihan di Bawah Ini:", "read-also"),
    ("Pilihan Editor: Harga Cabai Naik", "read-also"),
    ("Follow Berita Okezone di Google News", "promo"),
    ("Dapatkan update berita pilihan dan breaking news setiap hari. Mari bergabung di Grup Telegram, klik link", "promo"),
    ("[Gambas:Video 20detik]", "embed"),
    ("Pewarta: Nama Orang", "byline"),
    ("Trump dan Xi saat bertemu di Busan, Korea Selatan, 30 Oktober 2025. REUTERS/Evelyn Hockstein", "photo-caption"),
    ("Foto: Presiden AS Donald Trump dan Presiden Tiongkok Xi Jinping saat mengadakan pertemuan bilateral di Busan, "
     "di sela-sela KTT Kerja Sama Ekonomi Asia-Pasifik (APEC)", "photo-caption"),
    ("Prabowo bertemu Albanese di Jakarta. AS/Rusia menolak.", None),
    ("Laporan Wartawan Tribunnews.com, Nama Orang", "byline"),
    ("Copyright © ANTARA 2024", "copyright"),
    ("Tag : ukraina, korea selatan", "tags"),
    ("Leave a Reply", "comment-section"),
    ("Your email address will not be published. Required fields are marked *", "comment-form"),
    ("Follow AP's coverage of the war at https://apnews.com/hub/russia-ukraine", "promo"),
    ("Sign up here.", "promo"),
    ("Associated Press writer Hyung-jin Kim in Seoul contributed to this report.", "contributor-credit"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "copyright"),
    # real sentences stay text
    ("Baca lebih lanjut, kata dia, laporan itu menunjukkan peningkatan jumlah pasukan.", None),
    ("Sumber itu mengatakan pertemuan akan digelar pekan depan.", None),
    ("Editor majalah itu ditangkap polisi di Jakarta pada Senin malam.", None),
    ("Ikuti perkembangan situasi, warga diminta tetap tenang, kata gubernur.", None),
    ("Warga menerima pesan WhatsApp berisi ajakan untuk mengungsi dari kota itu.", None),
    ("By Tuesday evening, both governments had confirmed the agreement.", None),
    ("Related to this, officials said the talks lasted an hour.", None),
    ("Follow-up talks are planned for next month in Geneva, the ministry said.", None),
    ("Organisasi Pakta Pertahanan Atlantik Utara (NATO)", None),
])
def test_boilerplate_lines(line, rule):
    from kg.read import boilerplate

    found = boilerplate.match(boilerplate.clean(line), boilerplate.rules_for("id"))
    assert (found.name if found else None) == rule


def test_places_in_capitals_ended_by_a_colon_are_a_dateline():
    a = article_from_text("A Headline That Is Long Enough\n\nMOSCOW/WASHINGTON: U.S. President Donald Trump spoke "
                          "to Russia's Vladimir Putin on Monday.\n", "x.txt", lang="en")
    assert a.dateline_place == "MOSCOW/WASHINGTON" and a.text[a.dateline.end:].startswith("U.S. President")
    # a name with a colon in running case is a headline or a quote's speaker, no dateline
    b = article_from_text("A Headline That Is Long Enough\n\nTrump: We will talk to Putin on Monday again.\n",
                          "x.txt", lang="en")
    assert b.dateline is None


def test_a_dateline_after_a_photo_caption_is_still_the_dateline():
    text = ("Panglima TNI Kirim 1.090 Prajurit ke Lebanon\n\n"
            "Panglima TNI menyampaikan amanat saat melepas Satgas Unifil ke Lebanon di Lapangan Mabes TNI. (Antara)\n\n"
            "Ntvnews.id, Jakarta - Panglima TNI Jenderal TNI Agus Subiyanto secara resmi memberangkatkan "
            "1.090 prajurit ke Lebanon.\n")
    a = article_from_text(text, "x.txt", lang="id")
    assert a.dateline_place == "Jakarta" and a.text[a.dateline.end:].startswith("Panglima TNI Jenderal")
    # a later paragraph that merely opens with a name and a dash is prose, not a second dateline
    b = article_from_text(text.replace("Ntvnews.id, Jakarta - ", ""), "x.txt", lang="id")
    assert b.dateline is None


def test_a_byline_of_initials_and_an_outlet_is_no_headline():
    text = ("Internasional\n\nTrump Mendadak Bicara dengan Xi Jinping, Ada Apa?\n\nluc,  CNBC Indonesia\n"
            "25 November 2025 06:05\n\nJakarta, CNBC Indonesia - Presiden Amerika Serikat Donald Trump dan "
            "Presiden China Xi Jinping melakukan panggilan telepon.\n")
    a = article_from_text(text, "x.txt", lang="id")
    assert a.title == "Trump Mendadak Bicara dengan Xi Jinping, Ada Apa?"
    assert a.outlet == "CNBC Indonesia"


def test_a_deck_under_the_headline_leaves_the_headline_the_title(tmp_path):
    """ "Prabowo Siap Kirim 20.000 Prajurit TNI ke Gaza …" over the deck "Presiden Prabowo Subianto
    Siap Kirim …": the first headline-like line that is no short banner is the title, and the
    content (whose events count) starts there."""
    text = ("Warta Contoh\n"
            "Menteri Siap Kirim 200 Prajurit ke Keldan Jika Disetujui\n"
            "Menteri Raka Wiguna Siap Kirim 200 Prajurit ke Keldan Jika Disetujui Dewan\n"
            "JAKARTA - Menteri Raka Wiguna memerintahkan pasukan bersiap, kata juru bicara kementerian.\n")
    a = only(list(read_path(write(tmp_path / "a.txt", text))))
    assert a.title == "Menteri Siap Kirim 200 Prajurit ke Keldan Jika Disetujui"
    assert a.text[a.body_start:].startswith(a.title)
