#!/usr/bin/env python3
"""Builds heldout.json, the held-out part of Herald's story evaluation set.

Every report here is written freely, one by one, for this file: no sentence pools, no sentence
shared between two reports except in the wire copies. Herald's settings were not chosen on it;
it is scored separately from items.json. The stories are of early February 2026, after the
January set, and are grouped the same way: several on the same actors a day or two apart.
Run it again and it writes the same file (`python3 heldout.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Story id -> when its first report appears.
STARTS = {
    "H01": datetime(2026, 2, 2, 8, tzinfo=timezone.utc),   # fourth Syria-Israel round, in Baku
    "H02": datetime(2026, 2, 3, 9, tzinfo=timezone.utc),   # US envoy Barrack in Beirut
    "H03": datetime(2026, 2, 3, 21, tzinfo=timezone.utc),  # Israeli drone strike near Daraa
    "H04": datetime(2026, 2, 4, 11, tzinfo=timezone.utc),  # Shaibani in Riyadh
    "H05": datetime(2026, 2, 5, 5, tzinfo=timezone.utc),   # floods in Idlib camps
    "H06": datetime(2026, 2, 5, 14, tzinfo=timezone.utc),  # Israeli incursion in Quneitra
    "H07": datetime(2026, 2, 6, 9, tzinfo=timezone.utc),   # public-sector pay rise
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # H01: fourth round of Syria-Israel security talks, this time in Baku.
    ("H01", "en", "Levant Wire", 0, "Syria and Israel resume security talks in Baku",
     "Syrian Foreign Minister Asaad al-Shaibani and Israel's Ron Dermer met in the Azerbaijani capital on "
     "Monday for a fourth round of US-mediated talks, officials in Baku said."),
    ("H01", "en", "Gulf Daily", 55, "Azerbaijan hosts fourth Syria-Israel round",
     "Baku became the latest venue for the negotiations after the Paris round was called off last month. "
     "Envoy Tom Barrack flew in overnight to chair the session."),
    ("H01", "en", "Amman Post", 140, "Shaibani, Dermer back at the table with a map of the south",
     "Delegates said the Baku meeting focused on a map of demilitarised zones south of Damascus and the "
     "timetable for an Israeli pullback."),
    ("H01", "en", "Northern Agency", 300, "Israeli minister Dermer: Baku talks 'serious but slow'",
     "Dermer told Israeli radio that the talks in Azerbaijan were serious but that no agreement on the "
     "south of Syria was expected this week."),
    ("H01", "en", "Syria Direct Desk", 610, "Why Baku? Azerbaijan's quiet role between Syria and Israel",
     "Azerbaijan keeps close ties with both Israel and Turkey, which made its capital an acceptable "
     "neutral ground for the fourth round, analysts say."),
    ("H01", "en", "Beirut Observer", 1020, "Baku round ends without deal, sides to meet again in March",
     "The Syrian and Israeli delegations left the Azerbaijani capital without a signed text but agreed "
     "to reconvene in March, according to a US statement."),
    ("H01", "ar", "سانا", 20, "جولة رابعة من المحادثات السورية الإسرائيلية في باكو",
     "انطلقت في العاصمة الأذربيجانية باكو جولة رابعة من المحادثات الأمنية بين سوريا وإسرائيل بمشاركة "
     "وزير الخارجية أسعد الشيباني."),
    ("H01", "ar", "الجزيرة نت", 95, "الشيباني وديرمر يلتقيان مجددا بوساطة أمريكية",
     "التقى الشيباني والوزير الإسرائيلي رون ديرمر في باكو بحضور المبعوث الأمريكي توم براك لبحث "
     "الترتيبات الأمنية في الجنوب السوري."),
    ("H01", "ar", "الشرق الأوسط", 380, "خريطة المناطق منزوعة السلاح على طاولة باكو",
     "قالت مصادر مطلعة إن الوفدين ناقشا في أذربيجان خريطة لمناطق منزوعة السلاح جنوب دمشق وجدولا "
     "زمنيا لانسحاب القوات الإسرائيلية."),
    ("H01", "ar", "المدن", 700, "لماذا اختيرت باكو لاستضافة المحادثات؟",
     "يرى محللون أن علاقات أذربيجان الجيدة مع إسرائيل وتركيا جعلتها أرضا محايدة مقبولة للطرفين "
     "السوري والإسرائيلي."),
    ("H01", "ar", "النهار", 1100, "انتهاء جولة باكو دون اتفاق واستئناف المحادثات في آذار",
     "غادر الوفدان السوري والإسرائيلي العاصمة الأذربيجانية من دون توقيع أي نص واتفقا على اللقاء مجددا "
     "في آذار."),

    # H02: the US envoy in Beirut the next day, on Hezbollah's weapons and the Syrian border.
    ("H02", "en", "Beirut Observer", 0, "Barrack in Beirut to press Lebanon on Hezbollah weapons",
     "US envoy Tom Barrack met President Joseph Aoun in Beirut on Tuesday to push for a timetable to "
     "disarm Hezbollah north of the Litani river."),
    ("H02", "en", "Damascus Today", 80, "US envoy raises Lebanon-Syria border smuggling with Aoun",
     "Barrack also discussed smuggling across the Lebanese-Syrian frontier and the return of refugees, "
     "the Lebanese presidency said."),
    ("H02", "en", "Anatolia News English", 260, "Hezbollah rejects 'dictated' disarmament plan after Barrack visit",
     "A Hezbollah lawmaker said the group would not hand over its arsenal under American pressure while "
     "Israeli troops remain on Lebanese land."),
    ("H02", "en", "Middle East Monitor Desk", 540, "Lebanese army chief briefs US envoy on Litani deployment",
     "General Rodolphe Haykal told Barrack that the army had taken over more than 500 positions south "
     "of the Litani since the ceasefire."),
    ("H02", "ar", "النهار", 30, "براك في بيروت لبحث سلاح حزب الله",
     "التقى المبعوث الأمريكي توم براك الرئيس اللبناني جوزاف عون في قصر بعبدا وطالب بجدول زمني لنزع "
     "سلاح حزب الله شمال الليطاني."),
    ("H02", "ar", "العربية", 150, "عون يبحث مع براك ضبط الحدود مع سوريا",
     "بحث الرئيس عون مع المبعوث الأمريكي مكافحة التهريب عبر الحدود اللبنانية السورية وملف عودة "
     "اللاجئين."),
    ("H02", "ar", "الوطن", 320, "حزب الله يرفض خطة نزع السلاح بعد زيارة براك",
     "قال نائب عن حزب الله إن الحزب لن يسلم سلاحه تحت الضغط الأمريكي ما دامت القوات الإسرائيلية "
     "تحتل أراضي لبنانية."),
    ("H02", "ar", "الشرق الأوسط", 600, "قائد الجيش اللبناني يطلع المبعوث الأمريكي على الانتشار جنوب الليطاني",
     "أبلغ العماد رودولف هيكل براك أن الجيش تسلم أكثر من 500 موقع جنوب الليطاني منذ وقف إطلاق النار."),

    # H03: an Israeli drone strike on a car near Daraa the same night.
    ("H03", "en", "Syria Direct Desk", 0, "Israeli drone strike on car near Daraa kills two",
     "Two men were killed when an Israeli drone hit their car on the road between Daraa and Nawa late "
     "on Tuesday, local sources said."),
    ("H03", "en", "Levant Wire", 70, "Israel says it killed weapons smugglers in southern Syria",
     "The Israeli military said its aircraft struck a vehicle carrying arms for militants in the Daraa "
     "countryside."),
    ("H03", "en", "Tehran Times English", 200, "Daraa residents bury victims of overnight drone attack",
     "Hundreds walked behind the coffins in Nawa on Wednesday; relatives said the two were farmers "
     "returning from a wedding."),
    ("H03", "en", "Gulf Daily", 420, "Syria protests Daraa strike to the UN",
     "The Syrian foreign ministry sent a letter to the Security Council calling the drone strike near "
     "Nawa a violation of the 1974 agreement."),
    ("H03", "ar", "تلفزيون سوريا", 15, "مقتل شخصين بغارة مسيرة إسرائيلية قرب درعا",
     "قتل شخصان جراء استهداف طائرة مسيرة إسرائيلية سيارتهما على طريق درعا نوى ليل الثلاثاء."),
    ("H03", "ar", "عنب بلدي", 110, "الجيش الإسرائيلي: استهدفنا مهربي أسلحة في ريف درعا",
     "قال الجيش الإسرائيلي إن طائراته قصفت مركبة تنقل أسلحة لمسلحين في ريف درعا الغربي."),
    ("H03", "ar", "سانا", 260, "تشييع ضحيتي الغارة الإسرائيلية في نوى",
     "شيع أهالي مدينة نوى ضحيتي الغارة وقال ذووهما إنهما مزارعان كانا عائدين من حفل زفاف."),
    ("H03", "ar", "الجزيرة نت", 480, "دمشق تشكو الغارة على ريف درعا إلى مجلس الأمن",
     "وجهت الخارجية السورية رسالة إلى مجلس الأمن وصفت فيها استهداف السيارة قرب نوى بأنه خرق لاتفاق "
     "فض الاشتباك."),

    # H04: the foreign minister in Riyadh two days after Baku.
    ("H04", "en", "Gulf Daily", 0, "Shaibani in Riyadh for talks with Saudi foreign minister",
     "Syrian Foreign Minister Asaad al-Shaibani arrived in Riyadh on Wednesday and met Prince Faisal bin "
     "Farhan to discuss investment and electricity projects."),
    ("H04", "en", "Amman Post", 120, "Saudi Arabia pledges power plant funding for Syria",
     "After meeting his Syrian counterpart, Prince Faisal said the kingdom would finance two power plants "
     "and a grid link through Jordan."),
    ("H04", "en", "Damascus Today", 330, "Syrian minister briefs Saudis on Baku round",
     "Shaibani told Saudi officials that Damascus would not sign any arrangement with Israel that "
     "leaves troops on Syrian soil, a source in Riyadh said."),
    ("H04", "en", "Northern Agency", 700, "Riyadh visit ends with Saudi-Syrian business council",
     "The two ministers launched a joint business council that will meet in Damascus in April, the Saudi "
     "Press Agency reported."),
    ("H04", "ar", "الشرق الأوسط", 10, "الشيباني في الرياض للقاء فيصل بن فرحان",
     "وصل وزير الخارجية السوري أسعد الشيباني إلى الرياض حيث التقى الأمير فيصل بن فرحان وبحثا "
     "الاستثمار ومشاريع الكهرباء."),
    ("H04", "ar", "العربية", 140, "السعودية تتعهد بتمويل محطتي كهرباء في سوريا",
     "أعلن الأمير فيصل بن فرحان بعد لقائه نظيره السوري أن المملكة ستمول محطتين لتوليد الكهرباء وخط ربط "
     "عبر الأردن."),
    ("H04", "ar", "المدن", 720, "مجلس أعمال سعودي سوري في ختام زيارة الشيباني",
     "أطلق الوزيران مجلس أعمال مشتركا يعقد أول اجتماعاته في دمشق في نيسان."),

    # H05: floods in displacement camps in Idlib.
    ("H05", "en", "Northern Agency", 0, "Floods sweep through Idlib displacement camps",
     "Heavy rain overnight flooded dozens of camps near Atmeh and Sarmada in Idlib province, destroying "
     "hundreds of tents."),
    ("H05", "en", "Syria Direct Desk", 90, "Child drowns as storm hits northwest Syria camps",
     "Civil defence teams said a 6-year-old boy drowned in a flooded ditch near Sarmada and 40 families "
     "were evacuated."),
    ("H05", "en", "Levant Wire", 240, "UN appeals for tents and blankets after Idlib flooding",
     "OCHA said about 12,000 people were affected by the storm and urged donors to fund winter supplies "
     "for the camps."),
    ("H05", "en", "Anatolia News English", 500, "Mud and cold: life in Atmeh after the rain",
     "Mothers in the camp dried mattresses on fences while volunteers dug channels to drain the water "
     "from between the tents."),
    ("H05", "en", "Beirut Observer", 900, "Idlib governor promises housing for flood-hit families",
     "The provincial governor said prefabricated homes would replace the worst-hit tents before the "
     "end of the winter."),
    ("H05", "ar", "عنب بلدي", 20, "سيول تجتاح مخيمات النازحين في إدلب",
     "أغرقت الأمطار الغزيرة عشرات المخيمات قرب أطمة وسرمدا في ريف إدلب ودمرت مئات الخيام."),
    ("H05", "ar", "تلفزيون سوريا", 100, "وفاة طفل غرقا في سيول مخيمات الشمال السوري",
     "قال الدفاع المدني إن طفلا في السادسة غرق في قناة قرب سرمدا وإن فرقه أجلت 40 عائلة."),
    ("H05", "ar", "الجزيرة نت", 260, "الأمم المتحدة تطلب خياما وأغطية لمتضرري إدلب",
     "قال مكتب تنسيق الشؤون الإنسانية إن نحو 12 ألف شخص تضرروا من العاصفة ودعا المانحين إلى التمويل."),
    ("H05", "ar", "النهار", 520, "الوحل والبرد يحاصران سكان أطمة",
     "جففت الأمهات الفرش على الأسوار بينما حفر متطوعون قنوات لتصريف المياه من بين الخيام."),
    ("H05", "ar", "الوطن", 950, "محافظ إدلب يعد بمساكن بديلة للعائلات المتضررة",
     "قال محافظ إدلب إن منازل مسبقة الصنع ستحل محل الخيام الأكثر تضررا قبل نهاية الشتاء."),

    # H06: an Israeli incursion in Quneitra two days after the Daraa strike.
    ("H06", "en", "Damascus Today", 0, "Israeli force raids village in Quneitra, detains three",
     "An Israeli patrol entered the village of Ain Zivan in Quneitra at dawn on Thursday and detained "
     "three young men, residents said."),
    ("H06", "en", "Middle East Monitor Desk", 130, "Quneitra villagers block Israeli bulldozers",
     "Dozens of residents stood in front of Israeli bulldozers that were widening a dirt road near Ain "
     "Zivan."),
    ("H06", "en", "Tehran Times English", 380, "Israeli army says Quneitra arrests were 'security checks'",
     "An Israeli military spokesman said the men detained near the buffer zone were questioned and two "
     "were later released."),
    ("H06", "en", "Amman Post", 800, "UNDOF calls Quneitra raid a breach of the separation zone",
     "The UN observer force said Israeli troops had again operated beyond the line agreed in 1974."),
    ("H06", "ar", "عنب بلدي", 10, "قوة إسرائيلية تداهم عين زيوان في القنيطرة وتعتقل ثلاثة شبان",
     "داهمت دورية إسرائيلية قرية عين زيوان في ريف القنيطرة فجر الخميس واعتقلت ثلاثة شبان."),
    ("H06", "ar", "تسنيم", 160, "أهالي القنيطرة يعترضون جرافات الاحتلال",
     "وقف عشرات الأهالي في وجه جرافات إسرائيلية كانت توسع طريقا ترابيا قرب عين زيوان."),
    ("H06", "ar", "سانا", 420, "الاحتلال يفرج عن اثنين من معتقلي عين زيوان",
     "أفرجت القوات الإسرائيلية عن شابين من الثلاثة الذين اعتقلتهم قرب المنطقة العازلة."),
    ("H06", "ar", "المدن", 830, "الأمم المتحدة: التوغل في القنيطرة خرق لمنطقة الفصل",
     "قالت قوة الأمم المتحدة لمراقبة فض الاشتباك إن الجنود الإسرائيليين تجاوزوا مجددا خط عام 1974."),

    # H07: a pay rise for public-sector workers.
    ("H07", "en", "Levant Wire", 0, "Syria raises public-sector salaries by 200 percent",
     "President Ahmed al-Sharaa signed a decree tripling the wages of state employees and military "
     "personnel from March."),
    ("H07", "en", "Gulf Daily", 110, "Pay rise for Syrian state workers funded by Gulf grant",
     "The finance ministry said a Qatari and Saudi grant would cover the cost of the salary increase "
     "for the first six months."),
    ("H07", "en", "Syria Direct Desk", 400, "Teachers welcome wage decree but fear price rises",
     "Teachers in Hama said the new salaries would help, but traders were already raising prices of "
     "rice and cooking oil."),
    ("H07", "en", "Beirut Observer", 820, "Economists question how Damascus will pay for tripled wages",
     "Analysts warned the budget could not sustain the raise once the grant runs out unless revenues "
     "from oil and customs grow."),
    ("H07", "ar", "سانا", 15, "مرسوم بزيادة رواتب العاملين في الدولة 200 بالمئة",
     "أصدر الرئيس أحمد الشرع مرسوما بزيادة رواتب العاملين في الدولة والعسكريين بنسبة 200 بالمئة اعتبارا "
     "من آذار."),
    ("H07", "ar", "الوطن", 130, "منحة خليجية لتمويل زيادة الرواتب",
     "قالت وزارة المالية إن منحة قطرية سعودية ستغطي كلفة زيادة الأجور خلال الأشهر الستة الأولى."),
    ("H07", "ar", "عنب بلدي", 420, "معلمون يرحبون بزيادة الرواتب ويخشون الغلاء",
     "قال معلمون في حماة إن الرواتب الجديدة ستساعدهم لكن التجار بدأوا رفع أسعار الأرز والزيت."),
    ("H07", "ar", "الشرق الأوسط", 840, "اقتصاديون يتساءلون عن قدرة الموازنة على تحمل الزيادة",
     "حذر اقتصاديون من أن الموازنة لن تتحمل الزيادة بعد انتهاء المنحة ما لم ترتفع إيرادات النفط "
     "والجمارك."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Amman Post", 35, "verbatim"),
    (6, "الوطن", 50, "credited"),
    (22, "Damascus Today", 40, "credited"),
    (37, "Amman Post", 25, "verbatim"),
    (41, "المدن", 70, "verbatim"),
    (55, "Northern Agency", 60, "credited"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "h", "heldout.json")


if __name__ == "__main__":
    main()
