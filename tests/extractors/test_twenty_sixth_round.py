"""Twenty-sixth round (issue 12): the work done told after a frame (负责做青、烘焙, 给他们开铲车, 在棚里打杈、绑蔓、
摘瓜), and an employer's address that runs on through the words that point at it (realistic letters written
for these tests)."""

from __future__ import annotations


def to_simplified(text: str) -> str:
    from extractors.normalize import to_simplified as convert

    return convert(text)


def _occupations(text: str) -> set[str]:
    from extractors.learned.slots import candidates

    return {c.text for c in candidates(text, "occ")}


def test_the_work_done_after_a_frame_is_an_occupation_candidate_lists_and_all() -> None:
    assert "打杈、绑蔓、摘瓜" in _occupations("俺在棚里打杈、绑蔓、摘瓜，一天给一百二，头一年都是月结。")
    assert "贴瓷砖、砌墙、做防水" in _occupations("他一直跟着装修公司给人家新房子贴瓷砖、砌墙、做防水。")
    assert "开铲车" in _occupations("我给他们开铲车，往洗煤机里上原煤，一个月六千。")
    assert "拾棉花" in _occupations("我叫田秀梅，是从内地跟着老乡来拾棉花的。")  # the closing 的 left out
    assert "贴片机操作" in _occupations("投诉人于2023年7月10日入职，在二号厂房SMT车间从事贴片机操作，上长白班。")
    assert "助播" in _occupations("我是2025年7月10日进的清河县绒尚优品电子商务有限公司当助播，公司在县城。")
    assert "做护理" in _occupations("2022年秋天，我到县城的霍山县康乐颐养院做护理，照顾那些老人。")
    # a traditional-character letter, as normalisation gives it (simplified characters, the same offsets)
    assert "做青、烘焙" in _occupations(to_simplified(
        "本人受聘於雲頂茶業有限公司，在該公司位於永福鎮的製茶廠負責做青、烘焙，雙方簽有合同。"
    ))
    # how long, how much or where one stays is no work done
    assert not _occupations("我在厂里干了三年。") & {"干了三年", "了三年"}
    assert not _occupations("我在厂里干到腊月，一天一百二十块。") & {"一天一百二十块", "一百二十块"}


def test_an_address_is_weighed_clause_by_clause() -> None:
    from extractors.learned.address import features, rows

    text = "厂子在阡东镇北屯村西头沟边上，立着两根大烟囱。老板姓刘。"
    end = text.index("，")
    steps = rows(text, end)
    assert [(k, text[s:e]) for k, s, e, _step in steps] == [("next", "立着两根大烟囱")]
    inner = rows(text, text.index("边上"))  # the rest of its own clause first, then the next clause
    assert [(k, text[s:e]) for k, s, e, _step in inner] == [("tail", "边上"), ("next", "立着两根大烟囱")]
    f = features(text, end, steps[0][1], steps[0][2], "next", 0)
    assert f["kind=next"] == 1.0 and "subject" not in f
    g = features("公司在城南工业园，老板姓刘", 8, 9, 13, "next", 0)
    assert g["subject"] == 1.0 and g["own_verb"] == 1.0


def test_a_spouse_word_or_a_mothers_word_tells_the_writers_gender() -> None:
    from tests.extractors.letters import letter

    base = ("领导好！我叫{name}，今年四十七岁，家在长阳县都镇湾镇，电话13872561904。{cue}我在宜昌鑫隆建筑劳务有限公司"
            "的隧道工地开装载机，公司在夷陵区夷兴大道66号，从去年3月到12月的工钱三万二一分没给。我没找过别的部门，"
            "请领导帮我把钱要回来。\n{name}\n2026年3月2日")
    assert letter(base.format(name="谭德福", cue="屋里还有老娘要照顾，堂客也在外头打工。")).complainant.gender == "男"
    assert letter(base.format(name="陈光明", cue="我屋头婆娘身体不好，")).complainant.gender == "男"
    assert letter(base.format(name="赵亚楠", cue="我是个宝妈，孩子刚上幼儿园。")).complainant.gender == "女"


def test_gone_to_no_office_of_the_state_is_no_proceeding() -> None:
    from extractors.complaint.proceedings import classify

    assert classify("我以前没有找过政府哪个部门") == "none"
    assert classify("俺没找过公家") == "none"
    assert classify("我找过政府好几次") is None
    assert classify("等找过部门再说") is None


_SECTIONED = (
    "拉萨市堆龙德庆区劳动保障监察大队：\n一、请求事项\n1.请责令拉萨市堆龙德庆区格桑花幼儿园支付拖欠我的2026年1月至3月工资共计12600元。\n"
    "二、被投诉单位\n名称：拉萨市堆龙德庆区格桑花幼儿园\n地址：堆龙德庆区东嘎街道朗孜路12号\n法定代表人：王丽\n"
    "联系电话：0891-6852300\n三、事实与理由\n我于2024年8月入职该幼儿园任保育员，2026年1月起工资一直未发，共计12600元。"
    "我没有找过其他部门。\n四、投诉人情况\n姓名：次仁央金\n性别：女\n住址：拉萨市城关区纳金路夏萨苏小区5栋101室\n"
    "联系电话：139 8902 7715\n投诉人：次仁央金\n2026年5月8日"
)


def test_a_party_heading_makes_the_lines_under_it_that_partys_and_a_tibetan_name_is_a_name() -> None:
    from extractors.complaint.labels import is_person_name
    from tests.extractors.letters import letter

    assert is_person_name("德吉卓玛", named_here=True) and is_person_name("扎西多吉", named_here=True)
    assert not is_person_name("德吉卓玛")  # only where a name is said to stand
    fields = letter(_SECTIONED)
    assert fields.complainant.name == "次仁央金"
    assert fields.complainant.phone.replace(" ", "") == "13989027715"  # not the kindergarten's number above


def test_an_employers_address_with_a_note_of_where_inside_in_brackets_is_read() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "领导好！我叫杨秀芝，今年五十九岁，电话15837984152。我从2024年4月开始在伊川县人民医院做保洁，是洛阳洁美物业服务"
        "有限公司招的。公司在洛阳市洛龙区开元大道218号（一栋写字楼里），医院里带班的是一个姓毛的组长。10月、11月、12月"
        "三个月的工资6300元到现在也没给。请领导帮忙督促洁美公司把工资发给我。\n杨秀芝\n2026年1月5日"
    )
    assert fields.respondent.address.startswith("洛阳市洛龙区开元大道218号")


def test_this_year_told_before_a_festival_and_its_months_dates_them_all() -> None:
    from datetime import date

    from extractors.complaint.dates import dated_periods

    text = ("2024年3月开始，我在清河县绒尚电子商务有限公司的仓库里打包发货。平时一个月底薪3200元加计件。\n"
            "今年双十一备货加大促，从国庆节后上班（10月9号）一直到11月30号，加班费一直没给。")
    found = {(p[0], p[1]) for p in dated_periods(text, date(2025, 12, 16))}
    assert (date(2025, 10, 9), date(2025, 10, 9)) in found and (date(2024, 10, 9), date(2024, 10, 9)) not in found
    assert (date(2025, 11, 30), date(2025, 11, 30)) in found
    # an age is no year: 今年52岁 leaves the story in the year told before
    aged = {p[0] for p in dated_periods("2024年3月我进的厂。我今年52岁，3月份工资没发。", date(2025, 12, 16))}
    assert date(2025, 3, 1) not in aged


def test_a_dotted_name_whose_first_character_is_a_surname_is_whole_and_a_cadre_is_a_role() -> None:
    from extractors.report.people import _name_at

    text = "（四）组织保障。局党组成员、副局长古丽娜尔·买买提分管政务公开工作，办公室干部王晓燕具体负责信息审核发布。"
    assert _name_at(text, text.index("古")) == "古丽娜尔·买买提"
    assert _name_at(text, text.index("王")) == "王晓燕"
    assert _name_at("副局长艾尼瓦尔·买买提负责", 3) == "艾尼瓦尔·买买提"


def test_a_service_site_and_an_app_are_channels() -> None:
    from extractors.report import extract_report
    from tests.extractors.letters import doc

    text = ("交城县行政审批服务管理局2025年效能建设工作总结\n"
            "一、主要工作\n全年通过窗口评价器、交城县政务服务网、“三晋通”APP和12345政务服务便民热线对办事体验进行评价，"
            "收到评价3.6万条。\n交城县行政审批服务管理局\n2025年12月30日")
    kinds = {(c.kind, c.value) for c in extract_report(doc(text)).fields.channels}
    assert ("website", "交城县政务服务网") in kinds
    assert ("other", "“三晋通”APP") in kinds


def test_a_county_under_the_province_itself_and_a_banner_written_short() -> None:
    from rules.jurisdiction import compare, parse_division, sibling_county

    lingao = parse_division("海南省临高县")
    assert compare(parse_division("儋州市排浦镇海边"), lingao) is False  # another city: outside 临高县
    assert compare(parse_division("临高县博厚镇透滩村"), lingao) is True
    office = parse_division("内蒙古自治区乌兰察布市察哈尔右翼中旗")
    place = sibling_county("察右后旗红格尔图镇北边的北山风电场二期项目", office)
    assert place is not None and place.county == "察哈尔右翼后旗" and compare(place, office) is False
    assert sibling_county("察右中旗科布尔镇新建街", office) is None  # the office's own banner


def test_who_introduced_the_worker_and_a_companys_own_premises_are_no_part_of_its_name() -> None:
    from extractors.complaint.parties import clean_org

    assert clean_org("经人介绍上科左中旗草原红牧业有限公司") == ("科左中旗草原红牧业有限公司", 5)
    assert clean_org("惠安县玉源石业有限公司的石场") == ("惠安县玉源石业有限公司", 0)
    assert clean_org("上海鸿达鞋业有限公司") == ("上海鸿达鞋业有限公司", 0)


def test_the_place_before_the_employers_trade_name_is_its_address() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "领导你好！我叫梁秀英，今年四十六岁，电话13926371108。我由2024年3月开始在阳西县海悦湾酒店管理有限公司做嘢，"
        "即係沙扒镇月亮湾海边嗰间海悦湾酒店。我喺酒店执房，老板由9月开始冇出过人工，欠我一万二千块。我冇去过其他部门，"
        "请领导帮我攞返啲人工。\n梁秀英\n2026年1月5日"
    )
    assert fields.respondent.address == "沙扒镇月亮湾海边"


def test_an_address_inside_a_compound_and_a_representative_who_is_also_the_head() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "尊敬的领导：我叫曾丽华，女，电话13907976604。我于2023年8月应聘到信丰县育才实验学校任教。学校是民办的九年一贯制"
        "学校，位于嘉定镇老县委党校院内，学校法定代表人、校长是刘家旺。学校从2025年3月起拖欠我工资共计18600元。"
        "我没有找过其他部门。请督促学校支付工资。\n曾丽华\n2025年7月2日"
    )
    assert fields.respondent.address == "嘉定镇老县委党校院内"
    assert fields.respondent.legal_representative == "刘家旺"


def test_where_the_writer_lives_outranks_where_they_are_from() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "察右中旗劳动监察大队领导：\n我叫陈满仓，男，今年43岁，是我们中旗科布尔镇人，家住科布尔镇新建街东三巷7号。"
        "今年4月我到风驰公司的风电场干吊装，公司欠我工钱两万八千元。我没去过别的部门。请领导帮我要回工钱。电话15248701234。"
    )
    assert fields.complainant.address == "科布尔镇新建街东三巷7号"


def test_names_elected_as_representatives_count_with_a_rare_surname() -> None:
    from extractors.complaint.collective import names_in

    assert names_in("李文静、资秀梅", named_here=True) == ["李文静", "资秀梅"]
    assert names_in("李文静、资秀梅") == ["李文静"]  # in a list no words call names, the surname list decides


def test_a_company_of_guizhou_or_guiyang_is_a_name_and_the_polite_gui_is_not() -> None:
    from extractors.complaint.parties import clean_org

    assert clean_org("贵州速达众联供应链管理有限公司湄潭分公司") == ("贵州速达众联供应链管理有限公司湄潭分公司", 0)
    assert clean_org("贵阳市鑫达建筑有限公司") == ("贵阳市鑫达建筑有限公司", 0)
    assert clean_org("贵公司") is None and clean_org("贵单位下属工厂") is None


def test_a_forms_facts_and_reasons_cell_is_the_facts() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "劳动保障监察投诉登记表\n投诉人姓名\t赵桂芬\t性别\t女\n"
        "联系电话\t139 4103 6620\t现住址\t昌图县昌图镇东兴社区二委\n"
        "被投诉单位名称\t昌图县洁美环境卫生服务有限公司\n"
        "投诉事实及理由\t投诉人于2023年5月到该公司做环卫保洁员，该公司自2025年3月起拖欠工资共7950元。\n"
        "投诉请求\t要求该公司支付拖欠的工资7950元\n"
    )
    assert fields.facts and fields.facts.startswith("投诉人于2023年5月到该公司做环卫保洁员")


def test_the_owner_who_runs_the_employer_is_no_place_before_it() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "领导：我叫韦德明，男，今年五十岁，电话13977301256。前年开春，我去镇东边秦国富开的鑫磊石料厂干活，开破碎机，"
        "一天二百块。到了十月份就开始不给了，一共欠我一万六千八。我没去过别的地方。请领导帮我要回工钱。\n韦德明\n2025年3月2日"
    )
    assert fields.respondent.name == "鑫磊石料厂"
    assert fields.respondent.address is None  # (镇东边秦国富开 was read as the address)


def test_a_rosters_name_column_holds_names_with_rare_surnames() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "陆良县劳动保障监察大队：\n我们是陆良县人民医院的保洁员，共3人，受雇于曲靖洁美物业服务有限公司。公司从2025年3月起"
        "拖欠我们工资共计25200元。我们推选计桂芳为代表。请督促公司支付工资。我们没有找过其他部门。\n"
        "投诉人签名：\n序号\t姓名\t性别\t年龄\t联系电话\t签名\n1\t计桂芳\t女\t54\t13769805120\t计桂芳\n"
        "2\t李翠兰\t女\t57\t15987461300\t李翠兰\n3\t王春梅\t女\t49\t13508746622\t王春梅\n2025年6月3日"
    )
    assert fields.complainant.name == "计桂芳"
    assert fields.complainant.age == 54 and fields.complainant.phone == "13769805120"


def test_a_petitioner_called_chenqingren_is_the_complainant() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "陳情書\n漳平市勞動保障監察大隊：\n陳情人陳志明，男，現住漳平市永福鎮龍車村，電話15960283370。本人受聘於漳平市雲頂茶業"
        "有限公司擔任製茶技術指導，公司尚欠本人工資新臺幣折合人民幣八萬元整。本人未曾向其他部門反映。懇請責令公司付清。\n"
        "陳情人：陳志明（簽名）\n二〇二四年十月十五日"
    )
    assert fields.complainant.name == "陈志明"  # (read in simplified characters; the pipeline quotes it as written)


def test_a_lunar_day_earlier_in_the_sentence_does_not_hide_the_year_told_after_it() -> None:
    from datetime import date

    from extractors.complaint.datewords import resolve_dates

    sentence = "我是农历正月十六进的厂，今年双十一备货从10月9号干到11月30号"
    written, _index = resolve_dates(sentence, date(2025, 12, 16), 2024)
    assert "2025年10月9号" in written and "2025年11月30号" in written
