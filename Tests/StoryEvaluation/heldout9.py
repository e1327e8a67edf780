#!/usr/bin/env python3
"""Builds heldout9.json, the ninth held-out part of Herald's story evaluation set.

Written and committed before the seventh round of work on stories, with its "before" figures; no
setting may be chosen on it. Every report is written freely, one by one; only the wire copies share
text. Six stories of October 2026 in near misses on the same actors, places and hours: the foreign
minister and the US envoy in Amman on the Sweida roadmap, and the foreign minister in Berlin three
days later; an explosion at an ammunition depot in Maarat Misrin, north of Idlib, and Israeli
strikes on the Shayrat air base near Homs the same night; a fire at the flour mill of Salamiyah (a
story no alias of the desk names), and the town's water cut two days later. Places spelled more
than one way (Sweida, Suwayda, Suwaida; Shayrat, Shairat; Maarat Misrin, Maarrat Misrin;
Salamiyah, Salamiyeh, Salamieh; عمان, عمّان), headlines that open on their place, a few short
flashes, reports that name no place, and an outlet of this part's own. Run it again and it writes
the same file (`python3 heldout9.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Outlets of this part only, invented like the others.
MORE_OUTLETS = ["صدى الوسط"]

# Story id -> when its first report appears.
STARTS = {
    "V01": datetime(2026, 10, 12, 9, tzinfo=timezone.utc),    # Shaibani, Barrack, Safadi in Amman
    "V02": datetime(2026, 10, 15, 10, tzinfo=timezone.utc),   # Shaibani in Berlin
    "V03": datetime(2026, 10, 8, 23, tzinfo=timezone.utc),    # Israeli strikes on the Shayrat air base
    "V04": datetime(2026, 10, 8, 13, tzinfo=timezone.utc),    # ammunition depot blast in Maarat Misrin
    "V05": datetime(2026, 10, 16, 5, tzinfo=timezone.utc),    # Salamiyah flour mill fire (no desk alias)
    "V06": datetime(2026, 10, 18, 8, tzinfo=timezone.utc),    # Salamiyah water cut
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # V01: the foreign minister, the US envoy and Jordan's foreign minister in Amman, on Sweida.
    ("V01", "en", "Levant Wire", 0, "Shaibani, Barrack meet in Amman on Sweida roadmap",
     "Syrian Foreign Minister Asaad al-Shaibani, US envoy Tom Barrack and Jordan's Ayman Safadi met "
     "in Amman on Monday to review progress on a plan to stabilise Sweida province, the Jordanian "
     "foreign ministry said."),
    ("V01", "ar", "سانا", 20, "اجتماع ثلاثي في عمّان لمتابعة خارطة الطريق في السويداء",
     "عقد وزير الخارجية والمغتربين أسعد الشيباني اجتماعا في العاصمة الأردنية مع نظيره الأردني أيمن "
     "الصفدي والمبعوث الأمريكي توم براك، لمتابعة تنفيذ الخطوات المتفق عليها بشأن محافظة السويداء."),
    ("V01", "en", "Amman Post", 150, "Safadi: second aid route to Suwayda agreed",
     "Humanitarian convoys will reach Suwayda through a second road from Daraa under the deal reached "
     "in the Jordanian capital, Safadi told reporters, adding that detainees held by both sides would "
     "be freed in stages."),
    ("V01", "ar", "الشرق الأوسط", 180, "الصفدي: طريق ثان للمساعدات وإفراج متبادل عن المحتجزين",
     "قال وزير الخارجية الأردني في مؤتمر صحافي عقب الاجتماع إن الأطراف الثلاثة اتفقت على فتح طريق "
     "ثان لقوافل الإغاثة وإطلاق المحتجزين على مراحل، وإن بلاده ستستضيف لجنة متابعة كل شهر."),
    ("V01", "en", "Syria Direct Desk", 300, "Suwaida community leaders say they were not consulted",
     "Religious and civic figures in the mostly Druze province said nobody asked their view before the "
     "three ministers met, and that the highway to Damascus was still unsafe for civilians."),
    ("V01", "ar", "المدن", 330, "فعاليات السويداء: لم يستشرنا أحد",
     "قالت شخصيات دينية وأهلية في المحافظة إن الاجتماع عقد من دون التشاور معها، وإن الطريق إلى "
     "العاصمة ما زال محفوفا بالمخاطر على المدنيين."),
    ("V01", "en", "Beirut Observer", 1440, "Analysis: Washington hands Jordan the southern file",
     "The envoy's third trip to the Jordanian capital in as many months suggests the US wants Amman, not "
     "Israel, to carry the weight of the south; the test is whether trucks actually move this week."),

    # V02: three days later, the foreign minister in Berlin, on refugees and the embassy.
    ("V02", "en", "Anatolia News English", 0, "Syrian foreign minister in Berlin for talks on returns",
     "Asaad al-Shaibani arrived in Berlin on Thursday for talks with German Foreign Minister Johann "
     "Wadephul on the return of refugees and German money for reconstruction, his ministry said."),
    ("V02", "ar", "الجزيرة نت", 15, "الشيباني في ألمانيا وملف اللاجئين على رأس المباحثات",
     "بدأ وزير الخارجية أسعد الشيباني زيارة رسمية إلى برلين يلتقي خلالها نظيره يوهان فاديفول، "
     "ويتصدر جدول أعمالها ملف نحو مليون لاجئ يقيمون على الأراضي الألمانية."),
    ("V02", "en", "Damascus Today", 200, "Germany to reopen embassy before year end, Wadephul says",
     "Berlin will send diplomats back to its mission in Damascus before the end of the year, the German "
     "minister told a joint news conference, and pledged 60 million euros for schools and clinics."),
    ("V02", "ar", "العربية", 220, "فاديفول: سفارتنا في دمشق تعود للعمل قبل نهاية العام",
     "أعلن وزير الخارجية الألماني أن بلاده ستعيد فتح سفارتها في العاصمة السورية قبل نهاية العام "
     "الجاري، وتعهد بستين مليون يورو لترميم مدارس ومراكز صحية."),
    ("V02", "en", "Middle East Monitor Desk", 360, "Refugee groups fear deportation push after visit",
     "Syrian associations in Germany said the talks could be used to speed up removals and urged the "
     "government to keep any return voluntary."),
    ("V02", "ar", "تلفزيون سوريا", 400, "لاجئون في ألمانيا يخشون أن تمهد الزيارة لترحيلهم",
     "عبرت جمعيات وناشطون عن قلقهم من استخدام المباحثات لتسريع قرارات الترحيل، مطالبين بأن تبقى "
     "العودة طوعية وآمنة."),

    # V03: that night, Israeli strikes on the Shayrat air base near Homs.
    ("V03", "ar", "صدى الوسط", 0, "عاجل | انفجارات تهز ريف حمص الشرقي",
     "دوي انفجارات متتالية في الريف الشرقي لحمص."),
    ("V03", "en", "Northern Agency", 20, "Israeli jets strike Shayrat air base near Homs",
     "Israeli warplanes hit the Shayrat air base south-east of Homs late on Thursday, residents and a "
     "war monitor said, hours after a deadly blast at an arms depot in Idlib province."),
    ("V03", "ar", "العربية", 35, "غارات إسرائيلية على مطار الشعيرات",
     "شنت طائرات حربية إسرائيلية عدة غارات على مطار الشعيرات العسكري جنوب شرقي حمص ليل الخميس، "
     "بحسب مصادر محلية تحدثت عن أعمدة دخان فوق المدرج."),
    ("V03", "en", "Middle East Monitor Desk", 90, "Israeli military says it hit radar and weapons stores",
     "The army said its aircraft struck radar equipment and weapons left behind by the former regime "
     "that posed a threat to Israel, without naming the site."),
    ("V03", "ar", "تسنيم", 120, "عدوان صهيوني جديد على وسط سوريا",
     "استهدف طيران الكيان الصهيوني مطار الشعيرات في محافظة حمص، في اعتداء جديد على السيادة "
     "السورية يضاف إلى سلسلة الاعتداءات المتواصلة على البلاد."),
    ("V03", "en", "Levant Wire", 600, "Two soldiers killed in Shairat raid, defence ministry says",
     "The defence ministry said on Friday two soldiers died and a hangar and a radar were destroyed in "
     "the overnight strikes on the Shairat airfield."),
    ("V03", "ar", "سانا", 620, "الخارجية تدين الاعتداء الإسرائيلي على مطار الشعيرات",
     "دانت وزارة الخارجية والمغتربين في بيان الاعتداء الذي طال المطار في ريف حمص وأدى إلى استشهاد "
     "جنديين، معتبرة أنه خرق فاضح لاتفاقية فصل القوات لعام 1974، وطالبت مجلس الأمن بالتحرك."),

    # V04: the same afternoon, an ammunition depot explodes in Maarat Misrin, north of Idlib.
    ("V04", "en", "Syria Direct Desk", 0, "Blast at ammunition depot north of Idlib kills five",
     "An explosion tore through a weapons depot on the edge of Maarat Misrin, north of Idlib city, on "
     "Thursday afternoon, killing five people and injuring more than 20, the civil defence said."),
    ("V04", "ar", "عنب بلدي", 15, "خمسة قتلى بانفجار مستودع ذخيرة في معرة مصرين",
     "قتل خمسة أشخاص وأصيب أكثر من عشرين بانفجار مستودع للذخيرة على أطراف بلدة معرة مصرين شمالي "
     "إدلب ظهر الخميس، بحسب الدفاع المدني."),
    ("V04", "ar", "الوطن", 90, "وزارة الدفاع تستبعد استهدافا جويا وتفتح تحقيقا",
     "قالت وزارة الدفاع إن الانفجار نجم على الأرجح عن سوء تخزين ذخائر قديمة من مخلفات الحرب، "
     "نافية تعرض الموقع لأي ضربة جوية، وأعلنت تشكيل لجنة للتحقيق."),
    ("V04", "en", "Gulf Daily", 120, "Flash: Syria rules out air strike in Idlib depot blast",
     "The defence ministry blamed old munitions."),
    ("V04", "en", "Tehran Times English", 300, "Maarrat Misrin residents count damage after explosion",
     "Windows were shattered across the town and dozens of families spent the night outdoors as "
     "smaller blasts went on for hours, residents said."),
    ("V04", "ar", "النهار", 330, "عائلات تبيت في العراء خشية انفجارات جديدة",
     "أمضت عشرات العائلات ليلتها في البساتين المحيطة بالبلدة بعد انفجارات ثانوية استمرت ساعات، "
     "فيما تحطم زجاج مئات المنازل."),

    # V05: a fire at the Salamiyah flour mill; no report names an alias of the desk.
    ("V05", "en", "Northern Agency", 0, "Fire guts flour mill in Salamiyah, two workers dead",
     "A fire broke out before dawn on Friday at the state flour mill in Salamiyah, east of Hama, killing "
     "two night-shift workers and destroying most of its stored wheat, firefighters said."),
    ("V05", "ar", "صدى الوسط", 20, "حريق يلتهم مطحنة السلمية ووفاة عاملين",
     "توفي عاملان من الوردية الليلية إثر حريق اندلع فجر الجمعة في مطحنة السلمية، وعملت فرق "
     "الإطفاء من حماة والبلدات المجاورة ساعات على إخماده."),
    ("V05", "en", "Gulf Daily", 200, "Salamiyeh bakeries to get flour from Hama after mill blaze",
     "The provincial bread directorate said bakeries in the town would be supplied from mills in Hama "
     "city until the damaged mill is repaired, and that the daily bread ration would not change."),
    ("V05", "ar", "المدن", 230, "طوابير أمام أفران السلمية بعد احتراق المطحنة",
     "اصطف الأهالي منذ الصباح أمام الأفران خشية انقطاع الخبز، رغم تطمينات مديرية المخابز بتأمين "
     "الطحين من مطاحن مدينة حماة."),
    ("V05", "ar", "الشرق الأوسط", 1500, "ماس كهربائي وراء حريق مطحنة السلمية",
     "رجحت التحقيقات الأولية أن يكون ماس كهربائي في قسم التعبئة سبب الحريق، فيما قدر مدير المطحنة "
     "الخسائر بنحو ألفي طن من القمح."),

    # V06: two days later, the water cut in Salamiyah after the main line bursts.
    ("V06", "en", "Levant Wire", 0, "Salamieh without water after main pipeline bursts",
     "Taps in Salamieh and a dozen nearby villages ran dry on Sunday after the main line that carries "
     "water to the town burst near Tal Dara, the Hama water company said; repairs will take at least "
     "three days."),
    ("V06", "ar", "سانا", 25, "انقطاع مياه الشرب عن مدينة السلمية إثر عطل في خط الجر",
     "أعلنت المؤسسة العامة لمياه الشرب في حماة توقف الضخ إلى مدينة السلمية وعدد من القرى المحيطة "
     "بسبب انفجار في خط الجر الرئيسي قرب تل الدرة، مقدرة مدة الإصلاح بثلاثة أيام."),
    ("V06", "en", "Anatolia News English", 160, "Tankers sell water at triple price in Syria's Salamiyah",
     "Private tanker owners charged residents three times the usual price on Sunday, two days after a "
     "fire at the town's flour mill, and the governor ordered inspections."),
    ("V06", "ar", "تلفزيون سوريا", 180, "أصحاب الصهاريج يستغلون أزمة المياه في السلمية",
     "ارتفع سعر نقلة المياه إلى ثلاثة أضعاف، وشكا الأهالي من غياب أي رقابة، في وقت وعدت المحافظة "
     "بإرسال صهاريج مجانية إلى الأحياء الشرقية."),
    ("V06", "en", "Middle East Monitor Desk", 1440, "Flash: water back in Salamiyah after repairs",
     "Pumping resumed on Monday morning."),
    ("V06", "ar", "العربية", 1460, "عودة ضخ المياه إلى السلمية قبل الموعد",
     "أعلنت مؤسسة المياه استئناف الضخ صباح الاثنين بعد إنجاز إصلاح الخط قبل الموعد المتوقع، داعية "
     "الأهالي إلى ترشيد الاستهلاك في الأيام الأولى."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Gulf Daily", 30, "verbatim"),
    (15, "النهار", 25, "credited"),
    (20, "Amman Post", 40, "verbatim"),
    (32, "الوطن", 30, "verbatim"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "v", "heldout9.json", MORE_OUTLETS)


if __name__ == "__main__":
    main()
