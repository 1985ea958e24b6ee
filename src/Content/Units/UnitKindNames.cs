namespace CchcSite.Content.Units;

public static class UnitKindNames
{
    public static string Vietnamese(this UnitKind kind) => kind switch
    {
        UnitKind.Province => "Tỉnh, thành phố",
        UnitKind.Department => "Sở, ban, ngành",
        UnitKind.District => "Huyện, thị xã",
        UnitKind.Office => "Phòng, ban",
        UnitKind.Ward => "Xã, phường",
        UnitKind.School => "Trường học",
        _ => "Đơn vị khác",
    };
}
