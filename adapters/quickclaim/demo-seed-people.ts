/**
 * The demo story's quick-claim people (spec 90-demo-story.md): 陈姐, homestay owner in 福鼎,
 * rear-ended near 太姥山 by 吴建国's delivery van — a quick claim paid the same afternoon — and,
 * added for the police desk's queue, two drivers of a lane-change scrape in 福安 waiting for the
 * officer. Invented people; every number passes its check (GB 11643, Luhn, plate format).
 */
export interface DemoDriver {
  readonly name: string;
  readonly residentId: string;
  readonly mobile: string;
  readonly plate: string;
  readonly card: string;
  readonly insurerId: string;
  readonly vehicleLicenceNo: string;
  readonly compulsoryPolicyNo: string;
  readonly commercialPolicyNo: string | null;
}

export const demoChen: DemoDriver = {
  name: "陈丽华",
  residentId: "350982197509082025",
  mobile: "13905931234",
  plate: "闽J·8K627",
  card: "6222021234567890128",
  insurerId: "picc-ningde",
  vehicleLicenceNo: "350900111111",
  compulsoryPolicyNo: "PDZA2026350900001111",
  commercialPolicyNo: "PDAA2026350900001112",
};

export const demoWu: DemoDriver = {
  name: "吴建国",
  residentId: "350982199001012017",
  mobile: "13805936789",
  plate: "闽J·D50213",
  card: "6217009876543210981",
  insurerId: "pingan-ningde",
  vehicleLicenceNo: "350900222222",
  compulsoryPolicyNo: "PDZA2026350900002221",
  commercialPolicyNo: "PDAA2026350900002222",
};

export const demoLiu: DemoDriver = {
  name: "刘建华",
  residentId: "350981198505051238",
  mobile: "13906031888",
  plate: "闽J·2M819",
  card: "6217001111222233338",
  insurerId: "picc-ningde",
  vehicleLicenceNo: "350900333333",
  compulsoryPolicyNo: "PDZA2026350900003331",
  commercialPolicyNo: null,
};

export const demoZheng: DemoDriver = {
  name: "郑秀英",
  residentId: "350982199203182049",
  mobile: "13806031999",
  plate: "闽J·K3071",
  card: "6222024444555566666",
  insurerId: "pingan-ningde",
  vehicleLicenceNo: "350900444444",
  compulsoryPolicyNo: "PDZA2026350900004441",
  commercialPolicyNo: "PDAA2026350900004442",
};

/** The smallest JPEG header the photo checks accept (the demo's "photos" are placeholders). */
export const DEMO_JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
