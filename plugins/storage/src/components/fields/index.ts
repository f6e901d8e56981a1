export { OfferingPicker, offeringFeatures } from './OfferingPicker';
export type { OfferingPickerProps } from './OfferingPicker';
export { SizeField, sizeProblem, boundsText } from './SizeField';
export type { SizeFieldProps, SizeBounds } from './SizeField';
export { AccessModePicker } from './AccessModePicker';
export type { AccessModePickerProps } from './AccessModePicker';
export { FindingsList, fieldError } from './FindingsList';
export { CostEstimateView } from './CostEstimateView';
