import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { manifest } from "./manifest.ts";
import { SimulatedTrafficVideo } from "./simulated-traffic-video.ts";

const config = v.parse(manifest.configSchema, {});
const q = (point: { lat: number; lng: number }, radiusMetres = 300) => ({
  point,
  from: "2026-03-01T05:30:00.000Z",
  to: "2026-03-01T05:50:00.000Z",
  radiusMetres,
});

describe("quickclaim-traffic-video-sim 公安视频监控（模拟）", () => {
  it("returns the cameras within the radius, nearest first, with clips for the asked window", async () => {
    const video = new SimulatedTrafficVideo(config.cameras, false);
    const clips = await video.findClips(q({ lat: 27.0931, lng: 120.2014 }));
    expect(clips).toEqual([
      {
        clipId: "fd-g104-tls-01-202603010530",
        cameraId: "fd-g104-tls-01",
        from: "2026-03-01T05:30:00.000Z",
        to: "2026-03-01T05:50:00.000Z",
      },
    ]);
    expect((await video.findClips(q({ lat: 27.0931, lng: 120.2014 }, 500))).map((c) => c.cameraId)).toEqual([
      "fd-g104-tls-01",
      "fd-g104-tls-02",
    ]);
    expect(await video.findClips(q({ lat: 26, lng: 118 }))).toEqual([]);
  });

  it("fails every search when configured unavailable (the officer retries)", async () => {
    await expect(new SimulatedTrafficVideo(config.cameras, true).findClips(q({ lat: 27, lng: 120 }))).rejects.toThrow(
      "unavailable",
    );
    expect(manifest.kind).toBe("simulator");
  });
});
