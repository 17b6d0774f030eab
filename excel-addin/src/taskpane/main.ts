import '../functions/register.js';
import { startTaskpane } from './taskpane.js';

// Outside Office, Office.onReady resolves with host null; when office.js could not load at all
// (offline, blocked), Office is undefined. Either way the pane starts and says where to open it.
if (typeof Office === 'undefined') startTaskpane(false);
else void Office.onReady((info) => startTaskpane(info.host === Office.HostType.Excel));
