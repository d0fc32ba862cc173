"""Word lists of the actors reader: cues, heads, classifiers, connectors (as token-key phrases)."""

from __future__ import annotations

from syriakg.loaders.extract.names import norm, tokenize


class Phrases:
    """A set of token-key tuples, indexed by first and last key for fast lookup at a position."""

    __slots__ = ("all", "first", "last", "starts", "ends")

    def __init__(self, items: set[tuple[str, ...]]) -> None:
        self.all = frozenset(items)
        self.first: dict[str, list[tuple[str, ...]]] = {}
        self.last: dict[str, list[tuple[str, ...]]] = {}
        # the same, as (length, the other keys as a list) for slice comparison, longest first
        self.starts: dict[str, list[tuple[int, list[str]]]] = {}
        self.ends: dict[str, list[tuple[int, list[str]]]] = {}
        for t in sorted(items, key=len, reverse=True):
            self.first.setdefault(t[0], []).append(t)
            self.last.setdefault(t[-1], []).append(t)
            self.starts.setdefault(t[0], []).append((len(t), list(t[1:])))
            self.ends.setdefault(t[-1], []).append((len(t), list(t[:-1])))

    def __contains__(self, t: object) -> bool:
        return t in self.all

    def __or__(self, other: Phrases) -> Phrases:
        return Phrases(set(self.all) | set(other.all))

    def __iter__(self):  # noqa: ANN204
        return iter(self.all)


def _kt(*phrases: str) -> Phrases:
    return Phrases({tuple(norm(t.text) for t in tokenize(p)) for p in phrases})


def _words(s: str) -> frozenset[str]:
    return frozenset(norm(w) for w in s.split())


# --- vocabulary ------------------------------------------------------------------
HONORIFICS = _words("ông bà ngài")
PERSON_CUES = _kt(
    "tướng", "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "chuẩn tướng", "đại tá", "thượng tá",
    "trung tá", "thiếu tá", "đại úy", "đô đốc", "phó đô đốc", "thống chế", "bộ trưởng", "thứ trưởng",
    "chuyên gia", "nhà nghiên cứu", "học giả", "nhà báo", "phóng viên", "nhà đàm phán", "quan chức",
    "nhà ngoại giao", "thủ lĩnh", "giáo sư", "tiến sĩ", "tiến sỹ", "nhà phân tích", "nhà bình luận",
    "cố vấn", "trợ lý", "người phát ngôn", "phát ngôn viên", "đại diện", "chỉ huy", "tư lệnh", "sĩ quan",
    "phi công", "nhà hoạt động", "nhà sử học", "nhà văn", "luật sư", "bác sĩ", "linh mục", "giáo sĩ",
    "thị trưởng", "thống đốc", "tỉnh trưởng", "chủ tịch", "giám đốc", "tổng giám đốc", "ứng viên",
    "ứng cử viên", "lãnh đạo", "nhà lãnh đạo", "người đứng đầu", "vị", "cựu", "anh", "chị",
    "HLV", "huấn luyện viên", "TS", "ThS", "PGS", "GS", "BS", "KS", "NSND", "NSƯT", "ca sĩ", "diễn viên",
    "cầu thủ", "tiền đạo", "tiền vệ", "hậu vệ", "thủ môn", "vận động viên", "VĐV", "nhà thơ", "đạo diễn",
    "nhạc sĩ", "người mẫu", "hoa hậu", "thẩm phán", "công tố viên", "tổng biên tập", "phó giám đốc",
)
# military ranks written between a title and a name ("..., tướng Joseph Dunford")
RANKS = _kt("tướng", "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "chuẩn tướng", "đô đốc",
            "phó đô đốc", "chuẩn đô đốc", "thống chế", "đại tá", "thượng tá", "trung tá", "thiếu tá")
# person cues that also take an organisation as complement ("lãnh đạo Mozilla", "HLV Arsenal")
ORG_COMPLEMENT_CUES = _kt(
    "lãnh đạo", "nhà lãnh đạo", "người đứng đầu", "đại diện", "chủ tịch", "giám đốc", "tổng giám đốc",
    "phó giám đốc", "HLV", "huấn luyện viên", "cầu thủ", "tiền đạo", "tiền vệ", "hậu vệ", "thủ môn",
    "người phát ngôn", "phát ngôn viên", "cố vấn", "trợ lý", "chỉ huy", "tư lệnh", "quan chức",
    "thủ lĩnh", "tổng biên tập", "thị trưởng", "thống đốc",
)
BRANCH_WORDS = _kt("lục quân", "không quân", "hải quân", "thủy quân lục chiến", "lục chiến", "quân đội")
MEDIA_CUES = _kt("hãng tin", "hãng thông tấn", "thông tấn xã", "tờ", "tờ báo", "báo", "nhật báo", "tạp chí", "kênh",
                 "kênh truyền hình", "đài", "đài truyền hình", "truyền hình", "trang", "trang tin", "hãng")
# generic heads written before an outlet's, firm's or group's own (foreign) name: "Hãng Sputnik" is Sputnik
OUTLET_HEADS = _kt("hãng", "hãng tin", "hãng thông tấn", "thông tấn xã", "tờ", "tờ báo", "báo", "nhật báo",
                   "tạp chí", "kênh", "kênh truyền hình", "đài", "đài truyền hình", "trang", "trang tin",
                   "mạng", "tập đoàn", "nhóm", "hãng hàng không")
# legal forms that start a Vietnamese company's own name ("Công ty TNHH X", "Tập đoàn CP Y")
LEGAL_FORMS = frozenset(("cp", "tnhh", "mtv", "jsc", "co", "ltd", "cổ", "dn"))
PERSON_NOUNS_AFTER = _kt(
    "chuyên gia", "học giả", "nhà nghiên cứu", "quan chức", "nhà ngoại giao", "nhà báo", "phóng viên",
    "cố vấn", "người phát ngôn", "thành viên", "nhà phân tích", "giáo sư", "tiến sĩ", "chỉ huy", "tư lệnh",
    "thủ lĩnh", "lãnh đạo", "nhà lãnh đạo", "người đứng đầu", "đặc phái viên", "đại sứ", "nghị sĩ",
    "thượng nghị sĩ", "cựu", "ông", "bà",
)
ORG_CUES = _kt(
    "hãng tin", "hãng thông tấn", "thông tấn xã", "hãng", "tờ", "tờ báo", "báo", "nhật báo", "tạp chí", "kênh",
    "kênh truyền hình", "đài", "đài truyền hình", "truyền hình", "trang", "trang tin", "mạng", "tổ chức", "nhóm",
    "lực lượng", "mặt trận", "phong trào", "liên minh", "công ty", "tập đoàn", "cơ quan", "đảng", "viện",
    "trung tâm", "ủy ban", "hội đồng", "quỹ", "ngân hàng", "lữ đoàn", "sư đoàn", "tiểu đoàn", "quân đoàn",
    "hạm đội", "hiệp hội", "liên đoàn", "tổ chức khủng bố", "nhóm khủng bố", "nhóm phiến quân", "nhóm vũ trang",
    "tổ chức phi chính phủ", "hãng tin tức", "nhóm nổi dậy", "dân quân", "phe", "hãng hàng không",
)
# an acronym after these is a group of states or a forum: "Hội nghị thượng đỉnh APEC", "các nước ASEAN"
SUMMIT_CUES = _kt("thượng đỉnh", "hội nghị thượng đỉnh", "diễn đàn", "khối", "tuần lễ cấp cao", "cấp cao")
ORG_HEADS = _kt(
    "bộ", "ủy ban", "tổ chức", "lực lượng", "các lực lượng", "mặt trận", "hội đồng", "viện", "trung tâm",
    "đại học", "đảng", "liên minh", "phong trào", "cơ quan", "văn phòng", "tòa án", "quỹ", "ngân hàng",
    "tập đoàn", "công ty", "hãng", "đài", "hạm đội", "bộ chỉ huy", "bộ tư lệnh", "quân đoàn", "sư đoàn",
    "lữ đoàn", "hiệp hội", "liên đoàn", "nhóm", "đơn vị", "các đơn vị", "ban", "cục", "tổng cục", "sở",
    "học viện", "viện kiểm sát", "bệnh viện", "phòng",
    "quân đội", "liên quân", "viện nghiên cứu",
)
INSTITUTIONS: dict[tuple[str, ...], tuple[str, str]] = {
    k: v for ks, v in (
        (_kt("bộ ngoại giao"), ("mfa", "Ministry of Foreign Affairs of {c}")),
        (_kt("bộ quốc phòng"), ("mod", "Ministry of Defence of {c}")),
        (_kt("bộ nội vụ"), ("interior_ministry", "Ministry of the Interior of {c}")),
        (_kt("bộ tài chính"), ("finance_ministry", "Ministry of Finance of {c}")),
        (_kt("bộ tư pháp"), ("justice_ministry", "Ministry of Justice of {c}")),
        (_kt("bộ năng lượng"), ("energy_ministry", "Ministry of Energy of {c}")),
        (_kt("bộ y tế"), ("health_ministry", "Ministry of Health of {c}")),
        (_kt("quân đội"), ("armed_forces", "Armed Forces of {c}")),
        (_kt("không quân"), ("air_force", "Air Force of {c}")),
        (_kt("hải quân"), ("navy", "Navy of {c}")),
        (_kt("quốc hội"), ("parliament", "Parliament of {c}")),
        (_kt("tình báo"), ("intelligence", "Intelligence service of {c}")),
        (_kt("bộ tổng tham mưu"), ("general_staff", "General Staff of the Armed Forces of {c}")),
    ) for k in ks
}
# words between an institution and its country: "Bộ Tổng Tham mưu (các lực lượng vũ trang | quân đội) Ai Cập"
INSTITUTION_QUALIFIERS = _kt("các lực lượng vũ trang", "lực lượng vũ trang", "quân đội")
_INSTITUTION_PHRASES = Phrases(set(INSTITUTIONS))
PROVINCE_CLS = _kt("tỉnh", "các tỉnh")
SETTLEMENT_CLS = _kt("thành phố", "các thành phố", "thủ đô", "thị trấn", "các thị trấn", "thị xã", "làng",
                     "ngôi làng", "các làng", "khu phố", "huyện", "quận", "TP", "TP.", "Tp.", "thành phố Tp")
REGION_CLS = _kt("khu vực", "vùng", "cao nguyên", "thung lũng", "sông", "dòng sông", "căn cứ", "căn cứ không quân",
                 "sân bay", "cảng", "eo biển", "đảo", "bán đảo", "ngoại ô", "vùng ngoại ô", "khu", "sa mạc",
                 "núi", "dãy núi", "trại tị nạn", "trại")
PENINSULA_CLS = _kt("bán đảo")  # "bán đảo <country>" is a peninsula, not the country
_ALL_PLACE_CLS = PROVINCE_CLS | SETTLEMENT_CLS | REGION_CLS
_REGION_SETTLEMENT_CLS = REGION_CLS | SETTLEMENT_CLS
SPEECH_AFTER = _kt(
    "nói", "cho biết", "khẳng định", "tuyên bố", "nhấn mạnh", "cho rằng", "phát biểu", "bày tỏ", "kêu gọi",
    "bác bỏ", "thông báo", "xác nhận", "cảnh báo", "chỉ trích", "lên án", "nhận định", "tiết lộ", "viết",
    "trả lời", "đề nghị", "yêu cầu", "cam kết", "phủ nhận", "thừa nhận", "giải thích", "lưu ý", "chia sẻ",
    "cáo buộc", "hối thúc", "đánh giá", "nhận xét", "khuyến cáo",
)
SPEECH_FILLERS = _words("cũng đã vừa còn thì hôm ngày sau trước khi đều lại từng")
# lower-case syllables that end a title-case name rather than continue its last word
NAME_STOP_LOWER = _words(
    "và cho đã sẽ là của có được đang vừa cũng tại ở với để về trong thì mà nói từ khi nếu do bị đến tới "
    "ngày hôm năm tháng vào ra lên theo như này đó các những một hai ba không chưa rằng vẫn còn rất nên "
    "phải sau trước giữa cùng bằng nhưng hay hoặc thuộc gồm làm đưa nhằm trên dưới qua ngoài bởi tiếp "
    "khẳng cho biết thông tuyên yêu kêu đề xác phát"
)
LOCATIVES = _words("tại ở đến tới thăm từ sang rời khỏi quanh gần về vào bay ngoài trong phía tận qua trở")
EVENT_NOUNS = _words("thỏa thuận đàm phán hòa đàm tiến trình quá trình hội nghị họp vòng định dạng hiệp ước "
                     "nghị định thư thượng đỉnh hội đàm cơ chế tuyên bố nhóm công thức khuôn khổ diễn đàn")
DIRECTIONS = _words("bắc nam đông tây trung")
REGION_WORDS_BEFORE_DIRECTION = _words("miền phía vùng khu")
NOT_NAME_START = _words(
    "thứ tháng ngày hôm năm tuần ảnh nguồn theo tại ở với và của các những trong ngoài sau trước khi nếu "
    "phía người nước quân chính phe hai ba cả một mọi toàn video clip infographic chú thích đọc xem bình luận "
    "chia sẻ tin bài trang chủ nhật tuy nhưng song vì do nếu dù mặc bên cùng ngay thế vậy như bởi còn riêng đây đó "
    "hiện cũng về vụ cuộc lực đồng mới sáng chiều tối trưa đêm khu vùng miền tuần ả arab kurd sunni shiite shi'ite shia "
    "lúc hiện nay tổng giới dân"
)
ORG_WORDS = frozenset(w.casefold() for w in (
    "News Journal Times Post Agency Press Corps Group Army Forces Force Brigade Front Party Council Institute "
    "University Center Centre Foundation Network TV Radio Tribune Guardian Telegraph Herald Daily Today Media "
    "Company Inc Ltd Corp Bank Airlines Airways Organization Organisation Committee Union League Movement "
    "Association Observatory Watch Monitor Gazette Review Magazine Channel Service Services International "
    "Ministry Office Command Commission Fund Alliance Coalition Jabhat Harakat Hayat Hay'at Jaysh Jaish Liwa Ahrar "
    "Katibat Ansar Hizb Wagner League Cup Games Liga Championship Club FC Open Motors Airlines Group Inc"
).split())
REPORT_VERBS_AFTER = _kt("đưa tin", "dẫn lời", "dẫn nguồn", "trích dẫn", "trích lời", "phát đi", "công bố")
PAIR_ANY = _kt("hai bên", "hai phía", "cả hai bên", "hai đối tác")
PAIR_COUNTRY = _kt("hai nước", "hai quốc gia", "cả hai nước", "hai chính phủ")
PAIR_PERSON = _kt("hai nhà lãnh đạo", "hai lãnh đạo", "hai nhà ngoại giao", "hai ông", "hai vị", "hai người",
                  "hai bộ trưởng", "hai quan chức", "hai nguyên thủ")
LEADER_NOUNS = _kt("nhà lãnh đạo", "lãnh đạo", "người đứng đầu", "nguyên thủ")
COUNTERPART = _kt("người đồng cấp", "người đồng nhiệm", "người tương nhiệm", "đồng nhiệm", "đồng cấp")
HOST_COUNTRY = _kt("nước chủ nhà", "quốc gia chủ nhà", "nước sở tại", "chủ nhà")
THIS_COUNTRY = _kt("nước này", "quốc gia này", "đất nước này", "nước đó", "quốc gia đó")
FORMER = _words("cựu nguyên")
NO_ROLE_ANAPHOR_NEXT = _words("thời khi lúc đầu tiếp mới kế tương tiền cũ sắp đương tiếp theo kỳ nhiệm các")
_PAIR_COUNTRY_ANY = PAIR_COUNTRY | PAIR_ANY
CONNECTORS = _words("và , với cùng - – hoặc cũng như")
STARTERS = frozenset('“"‘\'([:;…-–—.!?«')

_ACR_DEF_MAX = 12


COMPOUNDS = {
    tuple(norm(w) for w in p.split())
    for p in (
        "Chiến tranh", "Nghiên cứu", "Giám sát", "Nhân quyền", "Quốc phòng", "Ngoại giao", "Chỉ huy", "Trung tâm",
        "Bảo an", "An ninh", "Hàng không", "Vũ trụ", "Dân chủ", "Cách mạng", "Hồi giáo", "Liên bang", "Quốc gia",
        "Tối cao", "Hải quân", "Lục quân", "Không quân", "Nhân dân", "Giải phóng", "Chính phủ", "Hòa bình",
        "Thế giới", "Quốc tế", "Liên hợp", "Tình báo", "Thông tấn", "Phát triển", "Đại học", "Truyền hình",
        "Nội vụ", "Tài chính", "Tư pháp", "Kinh tế", "Thương mại", "Y tế", "Năng lượng", "Giáo dục",
        "Chiến lược", "Quân sự", "Chính trị", "Nhân đạo", "Hợp tác", "Đoàn kết", "Thống nhất", "Tự do",
        "Cứu trợ", "Tị nạn", "Di cư", "Lương thực", "Nông nghiệp", "Công nghiệp", "Năng lượng", "Hạt nhân",
    )
}

# letters only Vietnamese spelling uses (horn, breve, hook above, dot below, stacked marks, đ)
VIET_ONLY = frozenset("ăắằẳẵặâấầẩẫậđêếềểễệôốồổỗộơớờởỡợưứừửữựảẻỉỏủỷạẹịọụỵẽ")
