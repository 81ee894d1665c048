/**
 * 事故形态 accident forms (QC-R03). Each "sole fault" form names one vehicle at fault; the
 * two "both at fault" forms split liability between the parties.
 */
export const ACCIDENT_FORMS = [
  "rear_end", // 追尾: the rear vehicle
  "lane_change", // 变更车道 hitting a vehicle going straight: the changing vehicle
  "reversing", // 倒车: the reversing vehicle
  "u_turn", // 掉头: the turning vehicle
  "door_opening", // 开关车门: the door side
  "wrong_way", // 逆行: the wrong-way vehicle
  "red_light", // 闯红灯: the vehicle running the light
  "failure_to_yield", // 未按规定让行 at an uncontrolled junction: the one that should have yielded
  "both_equal", // 同等责任 50/50
  "both_main_secondary", // 主次责任 70/30
  "other", // none of the above: the officer decides
] as const;

export type AccidentForm = (typeof ACCIDENT_FORMS)[number];

/** Forms where one named vehicle bears the whole liability. */
export const SOLE_FAULT_FORMS: readonly AccidentForm[] = [
  "rear_end",
  "lane_change",
  "reversing",
  "u_turn",
  "door_opening",
  "wrong_way",
  "red_light",
  "failure_to_yield",
];

export const ACCIDENT_FORM_LABELS: Readonly<Record<AccidentForm, { zh: string; en: string }>> = {
  rear_end: { zh: "追尾", en: "rear-end" },
  lane_change: { zh: "变更车道", en: "lane change" },
  reversing: { zh: "倒车", en: "reversing" },
  u_turn: { zh: "掉头", en: "U-turn" },
  door_opening: { zh: "开关车门", en: "opening a door" },
  wrong_way: { zh: "逆行", en: "wrong way" },
  red_light: { zh: "闯红灯", en: "red light" },
  failure_to_yield: { zh: "未按规定让行", en: "failure to yield" },
  both_equal: { zh: "同等责任", en: "both at fault, equal" },
  both_main_secondary: { zh: "主次责任", en: "both at fault, main and secondary" },
  other: { zh: "其他", en: "other" },
};
