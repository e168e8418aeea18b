import { describeExtension } from './suite';

describeExtension('chromium');
