export { conversionService, type ConversionService } from './conversion-service.js';
export type {
  ClassicConversion,
  ConvertClassicLotsCommand,
  LotConversionRecord,
} from './classic-conversion.js';
export type { ConvertDeviceCommand, ConvertPakCommand } from './pak-conversion.js';
