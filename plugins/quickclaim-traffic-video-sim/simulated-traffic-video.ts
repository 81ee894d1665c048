import { distanceMetres, type GeoPoint, type TrafficVideo, type VideoClip } from "../../core/quickclaim/mod.ts";

export interface Camera {
  readonly id: string;
  readonly name: string;
  readonly point: GeoPoint;
}

/**
 * SIMULATOR of the 公安视频监控 platform: a fixed list of cameras; a search returns one clip per
 * camera within the radius, covering the asked window, with a clip id derived from camera and
 * window (the same search gives the same clips). `unavailable` makes every search fail, to show
 * the officer's retry (KRN-R10).
 */
export class SimulatedTrafficVideo implements TrafficVideo {
  readonly #cameras: readonly Camera[];
  readonly #unavailable: boolean;

  constructor(cameras: readonly Camera[], unavailable: boolean) {
    this.#cameras = cameras;
    this.#unavailable = unavailable;
  }

  async findClips(q: {
    readonly point: GeoPoint;
    readonly from: string;
    readonly to: string;
    readonly radiusMetres: number;
  }): Promise<VideoClip[]> {
    if (this.#unavailable) throw new Error("traffic video simulator: configured as unavailable");
    const from = new Date(q.from).toISOString();
    const to = new Date(q.to).toISOString();
    const stamp = from.replace(/[-:.TZ]/g, "").slice(0, 12);
    return this.#cameras
      .map((c) => ({ c, metres: distanceMetres(c.point, q.point) }))
      .filter((x) => x.metres <= q.radiusMetres)
      .sort((a, b) => a.metres - b.metres || a.c.id.localeCompare(b.c.id))
      .map(({ c }) => ({ clipId: `${c.id}-${stamp}`, cameraId: c.id, from, to }));
  }
}
