export * from './labels';
export { render, renderVolumeClaimTemplate, staticVolumeName } from './render';
export type { RenderedObject, VolumeSnapshotObject } from './render';
export { renderYaml } from './yaml';
