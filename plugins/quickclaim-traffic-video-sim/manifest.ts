import * as v from "valibot";
import { TrafficVideoPort } from "../../core/quickclaim/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { ningdeCameras } from "./ningde-cameras.ts";
import { SimulatedTrafficVideo } from "./simulated-traffic-video.ts";

const cameraSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/), v.description("camera id")),
  name: v.pipe(v.string(), v.minLength(1), v.description("where the camera is")),
  point: v.pipe(
    v.strictObject({
      lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90), v.description("WGS-84 latitude")),
      lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180), v.description("WGS-84 longitude")),
    }),
    v.description("camera position"),
  ),
});

const configSchema = v.strictObject({
  cameras: v.pipe(
    v.optional(v.array(cameraSchema), () => ningdeCameras.map((c) => ({ ...c, point: { ...c.point } }))),
    v.description("simulated cameras (default: a few invented ones along 宁德 roads)"),
  ),
  unavailable: v.pipe(
    v.optional(v.boolean(), false),
    v.description("when true every search fails, to demonstrate retry"),
  ),
});

/** SIMULATOR of the surveillance video platform (clips near a time and place). */
export const manifest = definePlugin({
  id: "quickclaim-traffic-video-sim",
  version: "1.0.0",
  title: { zh: "公安视频监控（模拟）", en: "Traffic surveillance video (simulator)" },
  description:
    "Simulator of the police surveillance video platform: returns one clip per configured camera within the search radius of the accident, for the search window. Deterministic; for demos and tests.",
  kind: "simulator",
  regions: ["350900"],
  provides: [TrafficVideoPort],
  configSchema,
  create(config) {
    return new Map([[TrafficVideoPort, new SimulatedTrafficVideo(config.cameras, config.unavailable)]]);
  },
});
