/** How long the simulated controllers and drivers take, in milliseconds. */
export interface Delays {
  /** PV controller: from a claim (or volume) change to binding. */
  bindMs: number;
  /** CreateVolume for EBS, EFS and ONTAP. */
  provisionMs: number;
  /** CreateFileSystem for FSx for Lustre (slow on purpose: tens of minutes in AWS). */
  fsxCreateMs: number;
  /** The external provisioner's CreateVolume timeout (FSx outlasts it). */
  provisionTimeoutMs: number;
  /** First retry after a failed provisioning; doubles up to 32 times this. */
  retryMs: number;
  /** How often the PV controller repeats ExternalProvisioning while waiting. */
  waitingEventMs: number;
  /** Scheduling a pod once its claims allow it. */
  scheduleMs: number;
  /** Attach, mount and container start. */
  podStartMs: number;
  /** Graceful pod termination. */
  podStopMs: number;
  /** ControllerExpandVolume. */
  resizeMs: number;
  /**
   * From FileSystemResizePending to the kubelet's online NodeExpandVolume of
   * a mounted volume (the kubelet notices on its next pod sync, about a minute).
   */
  nodeExpandMs: number;
  /** Snapshot becoming readyToUse. */
  snapshotMs: number;
  /** DeleteVolume after a claim with reclaim policy Delete goes away. */
  deleteVolumeMs: number;
}

export type DelayPreset = 'fast' | 'demo';

const FAST: Delays = {
  bindMs: 5,
  provisionMs: 20,
  fsxCreateMs: 150,
  provisionTimeoutMs: 100,
  retryMs: 50,
  waitingEventMs: 500,
  scheduleMs: 5,
  podStartMs: 20,
  podStopMs: 10,
  resizeMs: 20,
  nodeExpandMs: 20,
  snapshotMs: 50,
  deleteVolumeMs: 20,
};

/** Human-scale timings for a demo: things visibly happen over seconds and minutes. */
const DEMO: Delays = {
  bindMs: 500,
  provisionMs: 4000,
  fsxCreateMs: 12 * 60 * 1000,
  provisionTimeoutMs: 5 * 60 * 1000,
  retryMs: 10_000,
  waitingEventMs: 15_000,
  scheduleMs: 500,
  podStartMs: 5000,
  podStopMs: 2000,
  resizeMs: 6000,
  nodeExpandMs: 15_000,
  snapshotMs: 20_000,
  deleteVolumeMs: 5000,
};

export function delayPreset(name: DelayPreset): Delays {
  return { ...(name === 'demo' ? DEMO : FAST) };
}
