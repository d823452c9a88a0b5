"""Twenty-fourth round (issue 12): a letter-level model says whether workers complain together; employment,
addresses and the work done as letters tell them (realistic letters written for these tests)."""

from __future__ import annotations

from tests.extractors.letters import letter

_ONE_WORKER = (
    "尊敬的县人社局领导：\n"
    "我叫宋德海，男，今年四十六岁，家住安平县北关镇刘庄村，电话15833216470。2025年3月我经老乡介绍到安平县"
    "宏盛丝网制品有限公司拉丝车间干拉丝工，说好每月工资5200元。同去的还有我们村的三个人，也都没拿到钱。公司从"
    "2025年8月起就不发工资了，到11月底我不干了，一共欠我四个月工资20800元。公司在安平县经济开发区纬二路18号。"
    "我们去找过老板两回，老板说等货款回来再说。\n"
    "请求：责令宏盛丝网制品有限公司支付拖欠我的工资20800元。\n"
    "此前没有找过其他部门。\n"
    "投诉人：宋德海\n2025年12月8日"
)

_GROUP = (
    "关于宏盛丝网制品有限公司拖欠工资的集体投诉\n"
    "县劳动保障监察大队：\n"
    "我们是安平县宏盛丝网制品有限公司拉丝车间的12名工人，公司从2025年8月起停发工资，至今共欠我们工资24万余元。"
    "公司地址在安平县经济开发区纬二路18号，法定代表人刘志强。我们推举宋德海、王秀兰为代表，联系电话15833216470。\n"
    "请求：责令公司支付拖欠我们12人的工资。\n"
    "此前未申请仲裁。\n"
    "投诉人签名：宋德海 王秀兰 李国庆 赵小军 周海涛 吴春生\n2025年12月8日"
)


def test_a_workers_mates_who_went_along_do_not_make_a_group_letter() -> None:
    fields = letter(_ONE_WORKER)
    assert fields.collective is False and fields.complainant_count is None
    assert fields.complainant.name == "宋德海"


def test_a_group_letter_stays_collective() -> None:
    fields = letter(_GROUP)
    assert fields.collective is True and fields.complainant_count == 12


def test_a_matter_told_with_de_is_no_employment() -> None:
    from extractors.complaint.evidence import Recorder
    from extractors.complaint.parties import _employment
    from tests.extractors.letters import doc

    matter = "是替我父亲于长顺反映他被热力公司拖欠工资的事"
    rec = Recorder(doc(matter))
    assert not _employment(rec, matter, 0, len(matter), 0.85) and not rec.has("complainant.employer")
    job = "在凤城市恒达热力有限公司的司炉工"
    rec = Recorder(doc(job))
    assert _employment(rec, job, 0, len(job), 0.85) and rec.get("complainant.occupation") == "司炉工"


def test_the_employers_trade_name_without_its_legal_form_finds_its_address() -> None:
    from extractors.complaint.evidence import Recorder
    from extractors.complaint.prose import _respondent_address
    from tests.extractors.letters import doc

    text = "公司一共欠我爸17200元。恒达热力的办公楼在凤城镇光明街老邮电局旁边，门口挂着牌子。"
    rec = Recorder(doc(text))
    rec.set("respondent.name", "凤城市恒达热力有限公司", 0, 0, 0.6)
    _respondent_address(rec, text, [(0, len(text))])
    assert rec.get("respondent.address") == "凤城镇光明街老邮电局旁边"


def test_an_address_runs_on_through_a_landmark_the_clerk_finds_it_by() -> None:
    fields = letter(
        "县人社局领导：俺叫孙长有，家住郸城县汲冢镇孙庄，电话13783562014。今年正月十六俺到高老板的养猪场干活，"
        "说好一个月给两千八。高老板那养猪场在汲冢镇往南走二里地，老砖窑那儿，大铁门上写着字。从三月起就没给过钱，"
        "一共欠俺八千四百块。求领导帮俺把钱要回来。"
    )
    assert fields.respondent.address == "汲冢镇往南走二里地，老砖窑那儿"


def test_a_place_that_begins_with_yu_after_zai_keeps_it() -> None:
    fields = letter(
        "尊敬的领导：我叫刘春梅，电话13907975521。我2024年3月进的这个厂，厂在于都工业园区的纺织服装产业园里面，"
        "7号标准厂房三楼。我在厂里做车位。厂里从2025年9月起欠我三个月工资12600元。请督促厂里支付工资。"
    )
    assert fields.respondent.address == "于都工业园区的纺织服装产业园里面，7号标准厂房三楼"


def test_the_work_done_told_as_tasks_or_as_what_the_job_is() -> None:
    pig_farm = letter(
        "领导你好：俺叫孙长有，家住郸城县汲冢镇孙庄，电话13783562014。2025年正月俺到高老板的猪场干活。俺在猪场里头"
        "喂猪、出粪、冲圈，一天干到黑。高老板欠俺工资12600元。请督促他支付工资。"
    )
    assert pig_farm.complainant.occupation == "喂猪、出粪、冲圈"
    mill = letter(
        "尊敬的领导：我叫白志刚，家住乌拉特前旗新安镇，电话15647821930。2024年5月我到金鑫矿业有限责任公司的选矿厂上班，"
        "在球磨车间看球磨机，一个月6500元。公司从2025年5月起欠我三个月工资19500元。请督促公司支付工资。"
    )
    assert mill.complainant.occupation == "看球磨机"
    ceiling = letter(
        "尊敬的领导：我叫马文斌，家住西吉县吉强镇，电话13895176402。去年我在银川给锦程装饰公司干精装修，"
        "我干的是石膏板吊顶。锦程装饰欠我工钱15000元。请督促公司支付。"
    )
    assert ceiling.complainant.occupation == "石膏板吊顶"


def test_an_age_told_as_just_turned_or_a_birth_year_in_chinese_numerals() -> None:
    just_turned = letter(
        "领导：我叫刘桂芝，今年刚满四十，户口在太和县旧县镇后刘村，电话13956781234。我在发制品厂钩发，厂里欠我工钱"
        "九千多。请领导帮我要回来。\n2025年4月10日"
    )
    assert just_turned.complainant.age == 40
    lunar = letter(
        "领导 我叫牛建国 一九七二年腊月生的 家在通渭县碧玉镇 电话13909321234 我在砖厂出窑 马老板欠我工钱一万二 "
        "求领导帮我要回来\n2026年3月24日"
    )
    assert lunar.complainant.age == 53  # 腊月 1972 is January 1973: 53 full years in March 2026
    year_only = letter(
        "领导：我叫刘桂芝，女，一九七二年生的，电话13956781234。厂里欠我工钱九千多。请领导帮我要回来。\n2026年3月24日"
    )
    assert year_only.complainant.age == 54


def test_nowhere_told_place_first_means_no_proceedings() -> None:
    fields = letter(
        "领导：我叫王大山，男，电话13912345678。我在通山县的工地干木工，项目部欠我工钱四万八。除了找项目部和劳务公司，"
        "我们哪里都没去过，也不懂打官司。请领导帮我要回来。\n2025年11月3日"
    )
    assert fields.prior_proceedings == "none"


def test_a_forms_spaced_labels_are_labels() -> None:
    fields = letter(
        "石屏县劳动保障监察举报投诉登记表\n"
        "登记日期：2026年7月2日\n"
        "姓　　名\t李文昌\t性　　别\t男\n"
        "联系电话\t187 8736 5521\t民　　族\t彝族\n"
        "家庭住址\t石屏县宝秀镇吴营村\n"
        "单位名称\t石屏县宝秀豆制品有限公司\n"
        "投诉人陈述：我2024年3月进宝秀豆制品公司当磨浆工，公司从2026年4月起没发工资，欠我三个月工资9000元。\n"
        "投诉请求：要求公司支付2026年4月至6月工资9000元。"
    )
    assert fields.complainant.name == "李文昌" and fields.complainant.gender == "男"


def test_a_forms_statement_taken_down_by_the_clerk_is_the_facts(tmp_path) -> None:
    from extractors.complaint import extract_complaint
    from extractors.readers import read_document
    from tests.fixtures.build import build_docx

    path = tmp_path / "form.docx"
    build_docx([
        "蒙自市劳动保障监察举报投诉登记表",
        "登记日期：2026年7月6日",
        "|姓　　名|杨春林|性　　别|☑男　□女|",
        "|联系电话|187 8736 1234| | |",
        "|单位名称|蒙自市云岭建材有限公司| | |",
        "|三、投诉事项| | | |",
        "|投诉类别|☑拖欠工资　□未签劳动合同　□未缴社会保险| | |",
        "",
        "投诉人陈述（接待人员根据投诉人口述记录，经本人确认）：",
        "　　我2024年5月进云岭建材公司当搅拌工，月工资3600元。2026年4月份起公司就没再给我发过工资，6月28日车间主任"
        "打电话通知我，说已经招了新人，叫我不用再来了。到现在4月、5月、6月三个月工资10800元没发。",
        "投诉请求：",
        "　　要求公司支付2026年4月至6月工资10800元。",
    ], path)
    fields = extract_complaint(read_document(path.read_bytes(), path.name), models=True)
    assert fields.complainant.name == "杨春林"
    assert fields.facts.startswith("我2024年5月进云岭建材公司当搅拌工")
    assert str(fields.violation_start) == "2026-04-01"


def test_the_hospital_that_treated_the_worker_is_not_the_employer() -> None:
    fields = letter(
        "北京市12345市民服务热线工单\n"
        "来电人\t杨春燕\t性别\t女\n"
        "联系电话\t13260114873\n"
        "来电内容：市民来电反映：其自2025年11月起在通州区梨园镇九棵树东路“川味轩火锅”（营业执照名称为北京市通州区川味轩"
        "餐馆）后厨洗碗。2026年4月22日晚在后厨通道滑倒，被锅底汤汁烫伤右手，经潞河医院诊断为二度烫伤，住院治疗12天。"
        "老板拒绝为其申报工伤，并拖欠4月工资4200元。\n"
        "来电人诉求：希望相关部门督促店方为其申报工伤并支付拖欠工资。"
    )
    assert fields.respondent.name == "北京市通州区川味轩餐馆"
    assert fields.complainant.employer == "北京市通州区川味轩餐馆"


def test_an_employers_address_with_a_bracketed_landmark() -> None:
    fields = letter(
        "集体投诉书\n县劳动保障监察大队：\n"
        "我们是惠州市宏达电子科技有限公司的12名员工，公司位于博罗县石湾镇滘源村工业区（滘源加油站斜对面，蓝色铁皮厂房），"
        "法定代表人林振声。公司从2025年9月起拖欠我们工资，共计18万元。我们推举王小军为代表，电话13825561234。\n"
        "请求：责令公司支付拖欠的工资。\n2025年12月8日"
    )
    assert fields.respondent.address == "博罗县石湾镇滘源村工业区（滘源加油站斜对面，蓝色铁皮厂房）"
    assert fields.respondent.workplace is None


def test_where_the_writer_stays_now_and_the_gate_of_the_premises() -> None:
    fields = letter(
        "领导好！我叫吴家雄，今年六十好几了，老家是礼纪镇的，现在暂住在兴隆华侨农场老场部宿舍3栋，电话13637501234。"
        "我在兴隆金椰温泉酒店门口当保安，已经干了三年多。我们这些保安是海南椰安保安服务有限公司派到酒店来的，合同是跟"
        "保安公司签的。去年10月份的工资就没发，11月、12月也没发，三个月是9600块。\n"
        "我就想请领导帮我把这三个月的工资9600块要回来。"
    )
    assert fields.complainant.address == "兴隆华侨农场老场部宿舍3栋"
    assert fields.respondent.workplace == "兴隆金椰温泉酒店"


def test_an_office_told_by_its_building_and_a_vague_place_with_its_address_in_brackets() -> None:
    tower = letter(
        "尊敬的领导：我叫马福成，男，家住西吉县兴隆镇单家集村，电话13895176402。去年我给宁夏锦程装饰工程有限公司干精装修，"
        "公司欠我工钱15000元。锦程装饰的办公室在金凤区阅海万家那边的写字楼十二楼，我们去找过两回。请督促公司支付。"
    )
    assert tower.respondent.address == "金凤区阅海万家那边的写字楼十二楼"
    bracket = letter(
        "尊敬的领导：我叫罗国强，男，电话15185482706。2025年5月我进入贵州黔筑鸿达建筑劳务有限公司承接的云栖湾项目工地"
        "做木工，公司从8月起拖欠我工资32000元。2026年1月20日，我到鸿达劳务在县城的办公室（龙里大道旁边，县政务服务"
        "中心斜对面的金龙大厦6楼）去要，公司的人说年前肯定发，结果没有发。请求责令公司支付工资。"
    )
    assert bracket.respondent.address == "龙里大道旁边，县政务服务中心斜对面的金龙大厦6楼"


def test_a_village_group_told_as_where_the_writer_is_from() -> None:
    fields = letter(
        "巫山县劳动保障监察大队领导：\n　　我叫向明高，是庙宇镇观峰村五组的人，1968年生的，在外面跑了半辈子工地。"
        "2022年8月，"
        "我到重庆市鑫磊路桥建设有限公司承建的通村公路工地上干活，做到那年腊月，还差25360块工钱。请领导帮我要回来。"
        "\n2025年3月6日"
    )
    assert fields.complainant.address == "庙宇镇观峰村五组"


def test_an_office_in_town_then_where_in_town() -> None:
    fields = letter(
        "尊敬的领导：我叫王大山，男，电话13912345678。2025年正月我到翰林苑小区工地上支模板。这个活是咸宁市鑫达建筑劳务"
        "有限公司包下来的，他们在崇阳县城的办公室在天城镇温泉路农商银行楼上三楼。鑫达公司欠我工钱四万八。请领导帮我要回来。"
    )
    assert fields.respondent.address == "天城镇温泉路农商银行楼上三楼"


def test_in_front_of_the_mediator_is_no_trade() -> None:
    fields = letter(
        "领导：我叫苗秀芹，家住太和县旧县镇后刘村，电话15055851234。过了年我们去镇里，镇人民调解委员会给调解过一回，"
        "蒋老板当着调解员的面签了还款计划，说五一前还清，后来厂子关了门。请领导帮我把这几个月的工钱要回来。\n2025年4月9日"
    )
    assert fields.complainant.occupation != "调解员"
