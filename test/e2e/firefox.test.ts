import { describeExtension } from './suite';

describeExtension('firefox');
