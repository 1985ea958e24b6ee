namespace CchcSite.Testing;

/// <summary>
/// What the web and browser tests rely on in the seed (<c>seed/</c>): edit the seed, and this is the one place whose
/// values must follow. Constants, so that attributes and <c>const</c> fields of the tests can use them too.
/// </summary>
public static class SeedFacts
{
    /// <summary>Slugs of seed/units.json.</summary>
    public static class Units
    {
        public const string UbndTinhSocTrang = "ubnd-tinh-soc-trang";
        public const string SoGddtSocTrang = "so-gddt-soc-trang";
        public const string SoTaiChinhSocTrang = "so-tai-chinh-soc-trang";
        public const string UbndThiXaNgaNam = "ubnd-thi-xa-nga-nam";
        public const string PhongGddtNgaNam = "phong-gddt-nga-nam";
        public const string UbndTinhBinhDinh = "ubnd-tinh-binh-dinh";
        public const string SoLdtbxhBinhDinh = "so-ldtbxh-binh-dinh";
        public const string UbndThiXaPhuocLong = "ubnd-thi-xa-phuoc-long";
        public const string UbndPhuongThacMo = "ubnd-phuong-thac-mo";
        /// <summary>Oversees Phòng GDĐT Ngã Năm and the town's wards (seed/oversight.json).</summary>
        public const string PhongNoiVuNgaNam = "phong-noi-vu-nga-nam";
        /// <summary>Oversees the Sóc Trăng departments and UBND thị xã Ngã Năm with its sub-units.</summary>
        public const string SoNoiVuSocTrang = "so-noi-vu-soc-trang";
        public const string SoNoiVuBinhDinh = "so-noi-vu-binh-dinh";
    }

    /// <summary>Names and short names of seed/units.json.</summary>
    public static class UnitNames
    {
        public const string SoGddtSocTrang = "Sở Giáo dục và Đào tạo tỉnh Sóc Trăng";
        public const string SoGddtSocTrangShort = "Sở GDĐT Sóc Trăng";
        public const string UbndThiXaNgaNam = "Ủy ban nhân dân thị xã Ngã Năm";
        public const string UbndThiXaPhuocLong = "Ủy ban nhân dân thị xã Phước Long";
        public const string UbndPhuongThacMo = "Ủy ban nhân dân phường Thác Mơ";
    }

    /// <summary>Document numbers of seeded posts (seed/posts).</summary>
    public static class Documents
    {
        /// <summary>The province's 21/KH-UBND, which other seeded documents cite in their text.</summary>
        public const string ProvincePropagandaPlan2022 = "21/KH-UBND";
    }

    /// <summary>Titles of seed/questions.json, published in the Q&amp;A column.</summary>
    public static class Questions
    {
        /// <summary>Sở GDĐT Sóc Trăng, field chinh-quyen-dien-tu-so.</summary>
        public const string DiplomaRecognitionOnline = "Nộp hồ sơ công nhận văn bằng trực tuyến ở đâu?";

        /// <summary>Sở GDĐT Sóc Trăng, field cai-cach-thu-tuc-hanh-chinh.</summary>
        public const string LostDiplomaCopy = "Thủ tục cấp bản sao bằng tốt nghiệp THPT bị mất";
    }

    /// <summary>Titles of seed/plans.json.</summary>
    public static class Plans
    {
        /// <summary>Sở LĐ-TB&amp;XH Bình Định's plan for 2021.</summary>
        public const string SoLdtbxhBinhDinh2021 = "Kế hoạch tuyên truyền, phổ biến công tác cải cách hành chính năm 2021";

        /// <summary>Sở Tài chính Sóc Trăng's plan for 2022–2030, with its quarterly, half-yearly and yearly reporting duties.</summary>
        public const string SoTaiChinh2022To2030 = "Kế hoạch thực hiện đề án Tuyên truyền cải cách hành chính tỉnh Sóc Trăng từ nay đến năm 2030";
    }

    /// <summary>seed/surveys.json.</summary>
    public static class Surveys
    {
        /// <summary>Closed, SIPAS-style, with <see cref="ThacMoResponses"/> generated (sample) responses.</summary>
        public const string ThacMoSatisfaction = "thac-mo-hai-long-mot-cua-2024";
        public const int ThacMoResponses = 312;
        /// <summary>Open (relative dates), the understanding template, tied to the plan's 95% target; no responses.</summary>
        public const string SoTaiChinhUnderstanding = "so-tai-chinh-hieu-biet-cchc";
    }
}
