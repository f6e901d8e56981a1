export * from './types';
export * from './ebs';
export * from './efs';
export * from './fsxLustre';
export * from './s3';
export * from './ontap';
export * from './drivers';
export * from './decisionMatrix';
