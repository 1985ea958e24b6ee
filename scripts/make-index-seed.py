#!/usr/bin/env python3
"""Writes seed/indexes.json: SAMPLE index results (not official figures) for the seeded units and their peers.
Deterministic (fixed random seed), so the file only changes when this script does. Run from the repository root."""
import json, random

rnd = random.Random(2024)
YEARS = [2021, 2022, 2023, 2024]

indexes = [
  {"code": "PAR_INDEX", "name": "Chỉ số cải cách hành chính (PAR INDEX)", "assessor": "Bộ Nội vụ (cấp tỉnh); Ủy ban nhân dân tỉnh, huyện (sở, ngành, cấp xã)",
   "scale": "Points", "maxScore": 100, "higherIsBetter": True, "components": [
    {"code": "CDDH", "name": "Công tác chỉ đạo, điều hành cải cách hành chính", "maxScore": 9, "fromYear": 2021},
    {"code": "THECHE", "name": "Cải cách thể chế", "maxScore": 8.5, "fromYear": 2021},
    {"code": "TTHC", "name": "Cải cách thủ tục hành chính", "maxScore": 13, "fromYear": 2021},
    {"code": "TCBM", "name": "Cải cách tổ chức bộ máy hành chính nhà nước", "maxScore": 9, "fromYear": 2021},
    {"code": "CONGVU", "name": "Cải cách chế độ công vụ", "maxScore": 13.5, "fromYear": 2021},
    {"code": "TAICHINH", "name": "Cải cách tài chính công", "maxScore": 8, "fromYear": 2021},
    {"code": "HDH", "name": "Hiện đại hóa hành chính", "maxScore": 15, "fromYear": 2021, "toYear": 2021},
    {"code": "CQS", "name": "Xây dựng và phát triển chính quyền điện tử, chính quyền số", "maxScore": 15, "fromYear": 2022},
    {"code": "TACDONG", "name": "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội", "maxScore": 24, "fromYear": 2021}]},
  {"code": "SIPAS", "name": "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)", "assessor": "Bộ Nội vụ",
   "scale": "Percent", "maxScore": None, "higherIsBetter": True, "components": [
    {"code": "TIEPCAN", "name": "Tiếp cận dịch vụ", "maxScore": 100, "fromYear": 2021},
    {"code": "TTHC", "name": "Thủ tục hành chính", "maxScore": 100, "fromYear": 2021},
    {"code": "CONGCHUC", "name": "Công chức trực tiếp giải quyết công việc", "maxScore": 100, "fromYear": 2021},
    {"code": "KETQUA", "name": "Kết quả giải quyết công việc", "maxScore": 100, "fromYear": 2021},
    {"code": "GOPY", "name": "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", "maxScore": 100, "fromYear": 2021}]},
  {"code": "PAPI", "name": "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", "assessor": "CECODES, Mặt trận Tổ quốc Việt Nam và UNDP",
   "scale": "Points", "maxScore": 80, "higherIsBetter": True, "components": [
    {"code": "THAMGIA", "name": "Tham gia của người dân ở cấp cơ sở", "maxScore": 10, "fromYear": 2021},
    {"code": "CONGKHAI", "name": "Công khai, minh bạch trong việc ra quyết định ở địa phương", "maxScore": 10, "fromYear": 2021},
    {"code": "GIAITRINH", "name": "Trách nhiệm giải trình với người dân", "maxScore": 10, "fromYear": 2021},
    {"code": "THAMNHUNG", "name": "Kiểm soát tham nhũng trong khu vực công", "maxScore": 10, "fromYear": 2021},
    {"code": "TTHC", "name": "Thủ tục hành chính công", "maxScore": 10, "fromYear": 2021},
    {"code": "DICHVU", "name": "Cung ứng dịch vụ công", "maxScore": 10, "fromYear": 2021},
    {"code": "MOITRUONG", "name": "Quản trị môi trường", "maxScore": 10, "fromYear": 2021},
    {"code": "DIENTU", "name": "Quản trị điện tử", "maxScore": 10, "fromYear": 2021}]},
  {"code": "PCI", "name": "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "assessor": "Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)",
   "scale": "Points", "maxScore": 100, "higherIsBetter": True, "components": [
    {"code": "GIANHAP", "name": "Chi phí gia nhập thị trường", "maxScore": 10, "fromYear": 2021},
    {"code": "DATDAI", "name": "Tiếp cận đất đai", "maxScore": 10, "fromYear": 2021},
    {"code": "MINHBACH", "name": "Tính minh bạch", "maxScore": 10, "fromYear": 2021},
    {"code": "THOIGIAN", "name": "Chi phí thời gian", "maxScore": 10, "fromYear": 2021},
    {"code": "KHONGCHINHTHUC", "name": "Chi phí không chính thức", "maxScore": 10, "fromYear": 2021},
    {"code": "BINHDANG", "name": "Cạnh tranh bình đẳng", "maxScore": 10, "fromYear": 2021},
    {"code": "NANGDONG", "name": "Tính năng động của chính quyền tỉnh", "maxScore": 10, "fromYear": 2021},
    {"code": "HOTRO", "name": "Dịch vụ hỗ trợ doanh nghiệp", "maxScore": 10, "fromYear": 2021},
    {"code": "LAODONG", "name": "Đào tạo lao động", "maxScore": 10, "fromYear": 2021},
    {"code": "PHAPLY", "name": "Thiết chế pháp lý và an ninh, trật tự", "maxScore": 10, "fromYear": 2021}]},
  {"code": "DDCI", "name": "Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI)", "assessor": "Ủy ban nhân dân tỉnh",
   "scale": "Points", "maxScore": 100, "higherIsBetter": True, "components": [
    {"code": "MINHBACH", "name": "Tính minh bạch và tiếp cận thông tin", "maxScore": 10, "fromYear": 2021},
    {"code": "NANGDONG", "name": "Tính năng động và hiệu lực của lãnh đạo", "maxScore": 10, "fromYear": 2021},
    {"code": "THOIGIAN", "name": "Chi phí thời gian", "maxScore": 10, "fromYear": 2021},
    {"code": "HOTRO", "name": "Hỗ trợ doanh nghiệp", "maxScore": 10, "fromYear": 2021}]},
]

provinces = ["ubnd-tinh-soc-trang", "ubnd-tinh-binh-dinh", "ubnd-tinh-binh-phuoc", "ubnd-thanh-pho-can-tho", "ubnd-tinh-hau-giang",
             "ubnd-tinh-bac-lieu", "ubnd-tinh-tra-vinh", "ubnd-tinh-vinh-long", "ubnd-tinh-kien-giang"]
departments = ["so-gddt-soc-trang", "so-tai-chinh-soc-trang", "so-noi-vu-soc-trang", "so-tu-phap-soc-trang", "so-khdt-soc-trang",
               "so-y-te-soc-trang", "so-tnmt-soc-trang", "so-xay-dung-soc-trang"]
wards = ["ubnd-phuong-1-nga-nam", "ubnd-phuong-2-nga-nam", "ubnd-phuong-3-nga-nam", "ubnd-xa-long-binh-nga-nam",
         "ubnd-xa-my-binh-nga-nam", "ubnd-xa-my-quoi-nga-nam", "ubnd-xa-tan-long-nga-nam", "ubnd-xa-vinh-quoi-nga-nam"]

quality = {u: rnd.uniform(0.72, 0.9) for u in provinces + departments + wards}
quality["so-gddt-soc-trang"] = 0.84

def components_of(index, year, q):
    out = {}
    for c in index["components"]:
        if c["fromYear"] <= year and (c.get("toYear") is None or year <= c["toYear"]):
            ratio = min(0.99, max(0.4, q + rnd.uniform(-0.08, 0.08)))
            out[c["code"]] = round(c["maxScore"] * ratio, 2)
    return out

def results(index, year, units, explicit_of=None, drift=0.02):
    rows = []
    for u in units:
        quality[u] = min(0.95, max(0.65, quality[u] + rnd.uniform(-drift, drift + 0.01)))
        comps = components_of(index, year, quality[u])
        if index["scale"] == "Percent":
            score = round(sum(comps.values()) / len(comps), 2)
        elif index["code"] == "PCI":
            score = round(sum(comps.values()) * 0.7 + 10 * quality[u] - 2, 2)
        else:
            score = round(sum(comps.values()), 2)
        rows.append({"unit": u, "score": score, "components": comps})
    rows.sort(key=lambda r: -r["score"])
    if explicit_of:
        ranks = sorted(rnd.sample(range(1, explicit_of + 1), len(rows)))
        for r, rank in zip(rows, ranks):
            r["rank"] = rank
            r["rankedOf"] = explicit_of
    return rows

source = {
  "PAR_INDEX": "Quyết định công bố Chỉ số cải cách hành chính năm {y} của các bộ, cơ quan ngang bộ, UBND các tỉnh, thành phố trực thuộc Trung ương",
  "SIPAS": "Quyết định phê duyệt và công bố Chỉ số hài lòng về sự phục vụ hành chính năm {y}",
  "PAPI": "Báo cáo Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh ở Việt Nam (PAPI) năm {y}",
  "PCI": "Báo cáo Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm {y}",
}
announced = {"PAR_INDEX": "{y1}-05-16", "SIPAS": "{y1}-05-16", "PAPI": "{y1}-04-09", "PCI": "{y1}-05-08"}

batches = []
by_code = {i["code"]: i for i in indexes}
for year in YEARS:
    for code in ["PAR_INDEX", "SIPAS", "PAPI", "PCI"]:
        batches.append({"index": code, "year": year, "grouping": "Provinces", "within": None, "publisher": "ubnd-tinh-soc-trang",
                        "source": source[code].format(y=year), "announcedOn": announced[code].format(y1=year + 1),
                        "rows": results(by_code[code], year, provinces, explicit_of=63)})
    dep = results(by_code["PAR_INDEX"], year, departments, explicit_of=19)
    batches.append({"index": "PAR_INDEX", "year": year, "grouping": "Departments", "within": "ubnd-tinh-soc-trang", "publisher": "ubnd-tinh-soc-trang",
                    "source": f"Quyết định công bố Chỉ số cải cách hành chính năm {year} của các sở, ban, ngành tỉnh Sóc Trăng",
                    "announcedOn": f"{year + 1}-03-20", "rows": dep})
    war = results(by_code["PAR_INDEX"], year, wards)
    if year == 2022:  # a tie, as decisions sometimes print: two wards share a place
        war[3]["score"] = war[2]["score"]
    batches.append({"index": "PAR_INDEX", "year": year, "grouping": "Wards", "within": "ubnd-thi-xa-nga-nam", "publisher": "ubnd-thi-xa-nga-nam",
                    "source": f"Quyết định công bố Chỉ số cải cách hành chính năm {year} của UBND các xã, phường thuộc thị xã Ngã Năm",
                    "announcedOn": f"{year + 1}-02-25", "rows": war})

# The example of the issue: Sở GDĐT Sóc Trăng 5th of 19 in 2022, 3rd in 2023.
for b in batches:
    if b["grouping"] == "Departments" and b["year"] in (2022, 2023):
        want = 5 if b["year"] == 2022 else 3
        rows = b["rows"]
        gd = next(r for r in rows if r["unit"] == "so-gddt-soc-trang")
        rows.remove(gd)
        ranks = sorted(r["rank"] for r in rows) + [want]
        ranks = sorted(set(ranks))[:len(rows) + 1] if len(set(ranks)) == len(rows) + 1 else sorted(ranks)
        rows.insert(0, gd)
        ordered = sorted(rows, key=lambda r: -r["score"])
        # Put GDĐT where its rank says, the others keep the remaining ranks in score order.
        others = [r for r in ordered if r is not gd]
        free = sorted(rnd.sample([x for x in range(1, 20) if x != want], len(others)))
        for r, k in zip(others, free):
            r["rank"] = k
        gd["rank"] = want
        lower = [r for r in others if r["rank"] < want]
        higher = [r for r in others if r["rank"] > want]
        top = max(r["score"] for r in higher) if higher else 0
        bottom = min(r["score"] for r in lower) if lower else 100
        new = round((top + bottom) / 2, 2)
        factor = new / gd["score"]
        gd["components"] = {k: round(v * factor, 2) for k, v in gd["components"].items()}
        gd["score"] = round(sum(gd["components"].values()), 2)
        b["rows"] = sorted(rows, key=lambda r: r["rank"])

doc = {
  "note": "SỐ LIỆU MẪU để minh họa trang chỉ số, KHÔNG PHẢI kết quả chính thức. Sample figures for the demo site, not official results.",
  "indexes": indexes,
  "results": batches,
}
json.dump(doc, open("seed/indexes.json", "w"), ensure_ascii=False, indent=1)
print(sum(len(b["rows"]) for b in batches), "results")
