#!/usr/bin/env python3
"""Builds heldout2.json, the second held-out part of Herald's story evaluation set.

Written after the first held-out part had been looked at, before any change meant to make
Herald generalise, and never tuned on. Every report is written freely, one by one; only the wire
copies share text. Five stories of March 2026, in pairs on the same actors a day or two apart,
with places outside the alias sets (Gaziantep, Doha, Homs, Palmyra, Qusayr).
Run it again and it writes the same file (`python3 heldout2.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Story id -> when its first report appears.
STARTS = {
    "K01": datetime(2026, 3, 9, 7, tzinfo=timezone.utc),    # Shaibani and Fidan in Gaziantep, on water
    "K02": datetime(2026, 3, 10, 16, tzinfo=timezone.utc),  # Israeli strike on a depot near Homs
    "K03": datetime(2026, 3, 11, 9, tzinfo=timezone.utc),   # Shaibani and Fidan in Doha, reconstruction
    "K04": datetime(2026, 3, 11, 22, tzinfo=timezone.utc),  # Israeli strike near Palmyra
    "K05": datetime(2026, 3, 12, 8, tzinfo=timezone.utc),   # Lebanon-Syria border committee in Qusayr
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # K01: Syrian and Turkish foreign ministers in Gaziantep, on Euphrates water sharing.
    ("K01", "en", "Anatolia News English", 0, "Fidan hosts Shaibani in Gaziantep for water talks",
     "Turkish Foreign Minister Hakan Fidan received his Syrian counterpart in Gaziantep on Monday to "
     "discuss how much Euphrates water reaches Syria during the dry months."),
    ("K01", "en", "Levant Wire", 70, "Syria asks Turkey for guaranteed Euphrates flow",
     "Damascus wants a written minimum of 500 cubic metres per second at the border, a Syrian diplomat "
     "travelling with Asaad al-Shaibani told reporters in the southern Turkish city."),
    ("K01", "en", "Syria Direct Desk", 260, "Farmers along the Euphrates watch the Gaziantep meeting",
     "In Raqqa province, growers who lost two harvests to low river levels said they hoped the ministers "
     "would agree on more than statements."),
    ("K01", "en", "Northern Agency", 520, "Turkey, Syria set up joint water committee",
     "The two ministers ended their meeting by announcing a technical committee that will monitor dam "
     "releases, Ankara's foreign ministry said in a statement."),
    ("K01", "ar", "سانا", 25, "الشيباني يصل إلى غازي عنتاب لبحث ملف المياه مع فيدان",
     "وصل وزير الخارجية أسعد الشيباني إلى مدينة غازي عنتاب التركية حيث يلتقي نظيره هاكان فيدان لبحث "
     "حصة سوريا من مياه نهر الفرات."),
    ("K01", "ar", "عنب بلدي", 140, "مطالب سورية بحد أدنى لتدفق الفرات",
     "قال دبلوماسي سوري إن دمشق تطالب أنقرة بتعهد مكتوب بإطلاق خمسمئة متر مكعب في الثانية عند الحدود."),
    ("K01", "ar", "الجزيرة نت", 330, "مزارعو الرقة يعلقون آمالهم على لقاء غازي عنتاب",
     "يخشى مزارعون في ريف الرقة موسما ثالثا من الجفاف ويأملون أن يخرج اجتماع الوزيرين باتفاق ملزم."),
    ("K01", "ar", "تلفزيون سوريا", 600, "لجنة فنية سورية تركية لمراقبة مياه الفرات",
     "اتفق الوزيران في ختام لقائهما في غازي عنتاب على تشكيل لجنة فنية مشتركة تتابع تصريف السدود."),

    # K02: Israeli air strike on an arms depot near Homs.
    ("K02", "en", "Damascus Today", 0, "Blasts shake Homs countryside after Israeli strike",
     "Several explosions were heard west of Homs on Tuesday evening after Israeli jets hit what a war "
     "monitor described as a weapons depot near the village of Shinshar."),
    ("K02", "en", "Middle East Monitor Desk", 45, "Israel says it hit missile store in central Syria",
     "The Israeli military said its aircraft struck a store of surface-to-air missiles that it said "
     "could have fallen into hostile hands."),
    ("K02", "en", "Gulf Daily", 180, "Syria condemns Homs strike as violation of sovereignty",
     "The Syrian foreign ministry called the attack near Homs a flagrant violation and urged the Security "
     "Council to act, without reporting casualties."),
    ("K02", "en", "Amman Post", 720, "Residents near Shinshar count damage a day after air raid",
     "Windows were shattered in homes up to two kilometres from the depot, and one farmer said secondary "
     "explosions went on until midnight."),
    ("K02", "ar", "تلفزيون سوريا", 15, "انفجارات في ريف حمص الغربي إثر غارة إسرائيلية",
     "سمع دوي انفجارات متتالية في ريف حمص الغربي مساء الثلاثاء بعد غارة إسرائيلية استهدفت مستودعا "
     "للأسلحة قرب قرية شنشار."),
    ("K02", "ar", "العربية", 90, "الجيش الإسرائيلي: ضربنا مخزن صواريخ في وسط سوريا",
     "قال الجيش الإسرائيلي إن طائراته قصفت مخزنا لصواريخ أرض جو كان يخشى أن تقع في أيد معادية."),
    ("K02", "ar", "الوطن", 240, "الخارجية السورية تدين العدوان على ريف حمص",
     "دانت وزارة الخارجية الغارة الإسرائيلية على ريف حمص وطالبت مجلس الأمن بتحمل مسؤولياته."),
    ("K02", "ar", "عنب بلدي", 800, "أهالي شنشار يحصون الأضرار بعد الغارة",
     "تحطمت نوافذ منازل على بعد كيلومترين من المستودع وقال مزارع إن الانفجارات استمرت حتى منتصف الليل."),

    # K03: the same two ministers two days later in Doha, at a reconstruction meeting.
    ("K03", "en", "Gulf Daily", 0, "Doha meeting seeks pledges for Syria's rebuilding",
     "Qatar opened a one-day meeting on Syrian reconstruction on Wednesday, with Shaibani and Turkey's "
     "Hakan Fidan among the ministers seated around the table."),
    ("K03", "en", "Beirut Observer", 120, "Qatar pledges $1bn for Syrian power grid",
     "The Qatari prime minister announced a billion dollars for electricity plants and lines, the "
     "largest single pledge made in Doha."),
    ("K03", "en", "Anatolia News English", 200, "Fidan offers Turkish builders for Syrian housing",
     "Speaking in the Qatari capital, Fidan said Turkish contractors were ready to build homes in "
     "Aleppo and Idlib for families returning from camps."),
    ("K03", "en", "Levant Wire", 480, "Reconstruction conference closes with $3.2bn in pledges",
     "Donors in Doha promised 3.2 billion dollars in total, short of the figure Damascus had sought, "
     "organisers said."),
    ("K03", "ar", "الجزيرة نت", 10, "الدوحة تستضيف اجتماعا لإعادة إعمار سوريا",
     "افتتح في الدوحة اجتماع وزاري لبحث إعادة إعمار سوريا بمشاركة الشيباني ووزير الخارجية التركي."),
    ("K03", "ar", "الشرق الأوسط", 150, "قطر تتعهد بمليار دولار لقطاع الكهرباء السوري",
     "أعلن رئيس الوزراء القطري تقديم مليار دولار لمحطات الكهرباء وخطوط النقل في سوريا."),
    ("K03", "ar", "المدن", 400, "تعهدات الدوحة أقل مما طلبته دمشق",
     "بلغ مجموع التعهدات في مؤتمر الدوحة ثلاثة مليارات ومئتي مليون دولار وهو أقل من المبلغ الذي كانت "
     "الحكومة السورية تأمل به."),

    # K04: Israeli strike near Palmyra the next night.
    ("K04", "en", "Northern Agency", 0, "Israeli jets strike air base near Palmyra",
     "Israeli aircraft hit the T4 air base outside Palmyra late on Wednesday, a day after the raid near "
     "Homs, a Syrian security source said."),
    ("K04", "en", "Syria Direct Desk", 90, "Runway at T4 damaged, monitor says",
     "Satellite images shared by a monitoring group showed craters on the main runway of the desert "
     "base, which Turkey had reportedly surveyed for its own use."),
    ("K04", "en", "Tehran Times English", 300, "Second Israeli raid in two days hits Tadmur",
     "The strike on the base near Tadmur was the second inside Syria this week, and the Israeli army "
     "declined to comment on it."),
    ("K04", "ar", "سانا", 20, "عدوان إسرائيلي على مطار التيفور قرب تدمر",
     "استهدف الطيران الإسرائيلي مطار التيفور العسكري في ريف تدمر ليل الأربعاء بعدة صواريخ."),
    ("K04", "ar", "تلفزيون سوريا", 110, "صور أقمار صناعية تظهر حفرا في مدرج التيفور",
     "أظهرت صور نشرتها جهة رصد حفرا على المدرج الرئيسي للقاعدة الواقعة في البادية قرب تدمر."),
    ("K04", "ar", "المدن", 420, "رسالة إسرائيلية إلى أنقرة في قصف التيفور",
     "يرى محللون أن ضرب القاعدة التي قيل إن تركيا تدرس استخدامها رسالة إسرائيلية موجهة إلى أنقرة."),

    # K05: Lebanese and Syrian officials in Qusayr on marking the border.
    ("K05", "en", "Beirut Observer", 0, "Lebanese and Syrian officials meet in Qusayr on border line",
     "A joint committee met in the Syrian town of Qusayr on Thursday to start marking the border "
     "between the two countries, Lebanon's defence ministry said."),
    ("K05", "en", "Damascus Today", 130, "Border committee to map disputed villages first",
     "The officials agreed to begin with a handful of villages in the Hermel area whose residents hold "
     "papers from both states."),
    ("K05", "en", "Amman Post", 350, "Saudi Arabia offers to fund Lebanon-Syria border survey",
     "Riyadh will pay for the mapping teams that the Qusayr committee is sending to the frontier, a "
     "Lebanese official said."),
    ("K05", "ar", "النهار", 30, "اجتماع لبناني سوري في القصير لترسيم الحدود",
     "عقدت لجنة لبنانية سورية مشتركة أول اجتماعاتها في مدينة القصير لبدء ترسيم الحدود بين البلدين."),
    ("K05", "ar", "الوطن", 200, "البدء بالقرى المتداخلة في منطقة الهرمل",
     "اتفق أعضاء اللجنة على أن تبدأ الفرق الفنية بالقرى التي يحمل سكانها أوراقا من الدولتين."),
    ("K05", "ar", "العربية", 380, "السعودية تمول مسح الحدود اللبنانية السورية",
     "قال مسؤول لبناني إن الرياض ستتكفل بنفقات فرق المسح التي ترسلها لجنة القصير إلى الحدود."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Amman Post", 30, "verbatim"),
    (12, "المدن", 45, "credited"),
    (16, "Northern Agency", 35, "verbatim"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "k", "heldout2.json")


if __name__ == "__main__":
    main()
