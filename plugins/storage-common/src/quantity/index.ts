export {
  parseQuantity,
  formatQuantity,
  toGiB,
  gibToQuantity,
  GIB,
} from './quantity';
