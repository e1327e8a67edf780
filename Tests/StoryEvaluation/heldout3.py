#!/usr/bin/env python3
"""Builds heldout3.json, the third held-out part of Herald's story evaluation set.

Written before the work that tuned Herald on the first two held-out parts, and committed before
any setting was chosen with it in view: it is the fresh measure of that work. Every report is
written freely, one by one; only the wire copies share text. Six stories of April 2026, in pairs
on the same actors or places a day or two apart, with places outside the alias sets (Baghdad,
Albu Kamal, Masyaf, Khan Arnabeh, Kessab).
Run it again and it writes the same file (`python3 heldout3.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Story id -> when its first report appears.
STARTS = {
    "M01": datetime(2026, 4, 6, 8, tzinfo=timezone.utc),    # Shaibani in Baghdad, on the crossing and al-Hol
    "M02": datetime(2026, 4, 7, 14, tzinfo=timezone.utc),   # Israeli strike near Masyaf
    "M03": datetime(2026, 4, 8, 6, tzinfo=timezone.utc),    # the Albu Kamal crossing reopens to trucks
    "M04": datetime(2026, 4, 8, 21, tzinfo=timezone.utc),   # Israeli drone strike near Khan Arnabeh
    "M05": datetime(2026, 4, 9, 10, tzinfo=timezone.utc),   # wildfires in the Kessab hills
    "M06": datetime(2026, 4, 10, 9, tzinfo=timezone.utc),   # Iraqi oil for Syria, agreed in Baghdad
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # M01: the Syrian foreign minister in Baghdad, on reopening the border crossing and on al-Hol.
    ("M01", "en", "Levant Wire", 0, "Shaibani arrives in Baghdad on first visit as foreign minister",
     "Syria's top diplomat landed in the Iraqi capital on Monday for talks with Fuad Hussein on trade, "
     "border security and the fate of Iraqis held in the al-Hol camp."),
    ("M01", "en", "Gulf Daily", 95, "Iraq and Syria discuss reopening Albu Kamal crossing",
     "The two foreign ministers agreed in principle to reopen the main crossing on the Euphrates to "
     "goods traffic, an Iraqi official said after the meeting."),
    ("M01", "en", "Tehran Times English", 300, "Baghdad presses Damascus on repatriating camp detainees",
     "Iraq wants faster transfers of its citizens from al-Hol, and Hussein raised the issue twice in his "
     "news conference with his Syrian guest."),
    ("M01", "ar", "سانا", 20, "الشيباني يصل إلى بغداد في زيارة رسمية",
     "وصل وزير الخارجية والمغتربين أسعد الشيباني إلى العاصمة العراقية بغداد حيث يجري مباحثات مع نظيره "
     "فؤاد حسين."),
    ("M01", "ar", "الشرق الأوسط", 150, "اتفاق عراقي سوري مبدئي على فتح منفذ البوكمال",
     "اتفق وزيرا خارجية البلدين على إعادة فتح معبر البوكمال القائم أمام حركة البضائع بحسب مسؤول "
     "عراقي."),
    ("M01", "ar", "الجزيرة نت", 360, "ملف مخيم الهول يتصدر مباحثات بغداد",
     "طالب الجانب العراقي بتسريع إعادة رعاياه المحتجزين في مخيم الهول، وهو ما ناقشه حسين مع ضيفه "
     "السوري."),

    # M02: Israeli strike near Masyaf, on what Israel says is a missile workshop.
    ("M02", "en", "Damascus Today", 0, "Explosions near Masyaf as Israeli jets strike Hama countryside",
     "Residents of Masyaf reported at least four loud blasts on Tuesday afternoon, and smoke rose from a "
     "site west of the town."),
    ("M02", "en", "Middle East Monitor Desk", 80, "Israel: we hit a missile workshop in western Syria",
     "An Israeli army statement said the target was a facility producing precision guidance kits, "
     "without naming the location."),
    ("M02", "en", "Beirut Observer", 400, "Four wounded in Masyaf raid, hospital says",
     "The national hospital in the town received four workers with shrapnel wounds, one of them in a "
     "serious condition, its director said."),
    ("M02", "ar", "تلفزيون سوريا", 10, "انفجارات عنيفة في محيط مصياف بريف حماة",
     "سمع سكان مدينة مصياف دوي أربعة انفجارات على الأقل عصر الثلاثاء وتصاعد الدخان من موقع غرب "
     "المدينة."),
    ("M02", "ar", "العربية", 100, "الجيش الإسرائيلي يعلن ضرب ورشة لتصنيع الصواريخ",
     "قال متحدث باسم الجيش الإسرائيلي إن الهدف منشأة تنتج أنظمة توجيه دقيقة، دون أن يحدد مكانها."),
    ("M02", "ar", "الوطن", 420, "أربعة جرحى في العدوان على مصياف",
     "استقبل المشفى الوطني في مصياف أربعة عمال مصابين بشظايا بينهم واحد في حالة خطرة."),

    # M03: two days after M01, the crossing at Albu Kamal reopens and the first trucks pass.
    ("M03", "en", "Northern Agency", 0, "First Iraqi trucks cross at Albu Kamal after years of closure",
     "A convoy of 40 lorries carrying flour and building materials entered Syria on Wednesday morning "
     "through the reopened border post."),
    ("M03", "en", "Syria Direct Desk", 120, "Traders in Deir ez-Zor hope reopened crossing cuts prices",
     "Shopkeepers in the eastern city said Iraqi goods could undercut the prices of products trucked "
     "in from the coast."),
    ("M03", "en", "Amman Post", 330, "Customs staff double shifts as crossing traffic builds",
     "Syrian customs officers at the post worked through the afternoon to clear a queue of lorries that "
     "stretched back into Iraq."),
    ("M03", "ar", "عنب بلدي", 30, "عبور أول شاحنات عراقية من معبر البوكمال",
     "دخلت قافلة من أربعين شاحنة محملة بالطحين ومواد البناء إلى الأراضي السورية صباح الأربعاء عبر "
     "المعبر بعد إعادة افتتاحه."),
    ("M03", "ar", "المدن", 180, "تجار دير الزور يترقبون انخفاض الأسعار",
     "يأمل أصحاب المحال في دير الزور أن تنافس البضائع العراقية أسعار السلع القادمة من الساحل."),
    ("M03", "ar", "سانا", 360, "الجمارك تضاعف ورديات العمل في منفذ البوكمال",
     "عمل موظفو الجمارك طوال فترة بعد الظهر لتخليص طابور طويل من الشاحنات امتد إلى الجانب العراقي."),

    # M04: Israeli drone strike on a car near Khan Arnabeh, the day after M02.
    ("M04", "en", "Levant Wire", 0, "Drone strike on car near Khan Arnabeh kills two",
     "Two men were killed when a drone hit their vehicle on the road outside Khan Arnabeh late on "
     "Wednesday, local sources said, blaming Israel."),
    ("M04", "en", "Gulf Daily", 150, "Israel says it targeted weapons smugglers in southern Syria",
     "The military said the two men had been moving rockets toward the ceasefire line and that the "
     "drone fired on their car at night."),
    ("M04", "en", "Tehran Times English", 600, "Funeral held for men killed in Quneitra drone attack",
     "Hundreds walked behind the coffins in Khan Arnabeh on Thursday, and relatives denied the two had "
     "any links to armed groups."),
    ("M04", "ar", "تلفزيون سوريا", 15, "مقتل شخصين بغارة مسيرة على سيارة قرب خان أرنبة",
     "قتل رجلان مساء الأربعاء عندما استهدفت طائرة مسيرة سيارتهما على الطريق خارج بلدة خان أرنبة."),
    ("M04", "ar", "النهار", 170, "إسرائيل: استهدفنا مهربي أسلحة جنوب سوريا",
     "زعم الجيش الإسرائيلي أن الرجلين كانا ينقلان صواريخ باتجاه خط وقف إطلاق النار."),
    ("M04", "ar", "عنب بلدي", 640, "تشييع ضحيتي المسيرة في خان أرنبة",
     "شارك المئات في تشييع الرجلين وأكد أقاربهما أنه لا صلة لهما بأي فصيل مسلح."),

    # M05: wildfires in the hills around Kessab, north of Latakia.
    ("M05", "en", "Damascus Today", 0, "Wildfire spreads through forests near Kessab",
     "Strong winds pushed a fire across pine forests in the hills around Kessab on Thursday, and civil "
     "defence crews evacuated two villages."),
    ("M05", "en", "Anatolia News English", 210, "Turkish planes help fight fire on Syrian border",
     "Two firefighting aircraft flew from Hatay to drop water on the blaze near the frontier, the "
     "Turkish forestry service said."),
    ("M05", "en", "Beirut Observer", 540, "Kessab fire contained after burning 800 hectares",
     "Firefighters said the blaze was under control by the evening, but warned the dry spring left the "
     "coast exposed to more fires."),
    ("M05", "ar", "سانا", 25, "حرائق واسعة في غابات كسب بريف اللاذقية",
     "امتدت النيران بفعل الرياح الشديدة في غابات الصنوبر المحيطة ببلدة كسب وأخلت فرق الدفاع المدني "
     "قريتين."),
    ("M05", "ar", "الجزيرة نت", 240, "طائرات تركية تشارك في إخماد حريق كسب",
     "شاركت طائرتان تركيتان لإطفاء الحرائق في إلقاء المياه على النيران قرب الحدود."),
    ("M05", "ar", "الوطن", 560, "السيطرة على حريق كسب بعد التهام 800 هكتار",
     "أعلنت فرق الإطفاء السيطرة على الحريق مساء الخميس محذرة من أن جفاف الربيع يهدد الساحل بحرائق "
     "جديدة."),

    # M06: two days after the crossing reopened, an oil supply deal agreed in Baghdad.
    ("M06", "en", "Middle East Monitor Desk", 0, "Iraq to supply Syria with crude by truck",
     "Iraq's oil ministry said on Friday it would send 10,000 barrels a day to the Baniyas refinery, "
     "after a Syrian energy delegation spent two days in Baghdad."),
    ("M06", "en", "Levant Wire", 140, "Syrian energy minister signs oil deal in Baghdad",
     "The agreement, signed with Iraqi oil minister Hayan Abdul Ghani, runs for a year and is paid for "
     "partly in Syrian phosphate."),
    ("M06", "en", "Amman Post", 420, "Tanker convoys to use newly reopened desert route",
     "The crude will travel in tanker trucks across the eastern desert, through the crossing that "
     "opened to traffic this week."),
    ("M06", "ar", "الشرق الأوسط", 30, "العراق يزود سوريا بالنفط الخام عبر الصهاريج",
     "أعلنت وزارة النفط العراقية أنها سترسل عشرة آلاف برميل يوميا إلى مصفاة بانياس بعد زيارة وفد "
     "سوري إلى بغداد."),
    ("M06", "ar", "المدن", 200, "وزير الطاقة السوري يوقع اتفاق النفط في بغداد",
     "وقع الوزير الاتفاق مع وزير النفط العراقي حيان عبد الغني لمدة عام على أن يسدد جزء من ثمنه "
     "بالفوسفات السوري."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (1, "Amman Post", 40, "verbatim"),
    (21, "المدن", 50, "credited"),
    (30, "Northern Agency", 25, "verbatim"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "m", "heldout3.json")


if __name__ == "__main__":
    main()
