import type { Camera } from "./simulated-traffic-video.ts";

/** Default cameras of the simulator (invented placements along 宁德 roads, demo data). */
export const ningdeCameras: readonly Camera[] = [
  { id: "fd-g104-tls-01", name: "福鼎 G104 太姥山路口", point: { lat: 27.0934, lng: 120.2019 } },
  { id: "fd-g104-tls-02", name: "福鼎 G104 太姥山镇区", point: { lat: 27.0951, lng: 120.2037 } },
  { id: "fd-city-01", name: "福鼎 桐山街道 府前路口", point: { lat: 27.3245, lng: 120.2168 } },
  { id: "fa-city-01", name: "福安 城北 阳头路口", point: { lat: 27.0891, lng: 119.6483 } },
  { id: "jc-city-01", name: "蕉城 天湖路口", point: { lat: 26.6621, lng: 119.5231 } },
  { id: "xp-city-01", name: "霞浦 松城 福宁大道", point: { lat: 26.8859, lng: 120.0055 } },
];
