export { DEFAULT_PRICES, priceTableSchema, resolvePrices } from './prices';
export type { PriceTable } from './prices';
export { estimateMonthlyCost } from './estimate';
export type { CostEstimate, CostLine } from './estimate';
