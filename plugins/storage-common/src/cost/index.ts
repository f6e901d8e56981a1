export { DEFAULT_PRICES, priceTableSchema, resolvePrices } from './prices';
export type { PriceTable } from './prices';
export { estimateMonthlyCost, estimateVolumeMonthlyCost } from './estimate';
export type { CostEstimate, CostLine, PricedVolume } from './estimate';
