import '../functions/register.js';
import { startTaskpane } from './taskpane.js';

// Office.onReady resolves outside Office too (host null): the pane then says where to open it.
void Office.onReady((info) => startTaskpane(info.host === Office.HostType.Excel));
