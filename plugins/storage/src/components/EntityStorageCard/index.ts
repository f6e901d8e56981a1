export { EntityStorageCard } from './EntityStorageCard';
export type { EntityStorageCardProps } from './EntityStorageCard';
