import type { ClassicConversion, Services } from '../services/index.js';

import { CliError } from './errors.js';
import type { ConvertOptions } from './lot-program.js';
import { render } from './output.js';

const COLUMNS = ['pak', 'license', 'quantity', 'from', 'into', 'occurredOn', 'smartLotId'] as const;

/**
 * `trueup convert`: device-led (`--device <serial>`, into the device's Virtual Account unless
 * `--virtual-account` names another) or by quantity (`--pak`, `--license`, `[--quantity]`,
 * `--virtual-account`). One line per converted lot.
 */
export async function convertCommand(services: Services, options: ConvertOptions): Promise<string> {
  const account = await services.accounts.smartAccountByDomain(options.smartAccount);
  if (!account) throw new CliError(`no Smart Account with domain "${options.smartAccount}"`);
  const common = {
    smartAccountId: account.id,
    asOf: options.asOf,
    actor: options.actor,
    note: options.note ?? null,
  };
  let done: ClassicConversion[];
  if (options.device !== undefined) {
    if (options.pak !== undefined || options.license !== undefined) {
      throw new CliError('give either --device or --pak with --license, not both');
    }
    done = await services.conversions.convertDevice({
      ...common,
      deviceSerial: options.device,
      intoVirtualAccount: options.virtualAccount,
    });
  } else {
    if (options.pak === undefined || options.license === undefined) {
      throw new CliError('give --device <serial>, or --pak <number> with --license <name>');
    }
    if (options.virtualAccount === undefined) {
      throw new CliError(
        '--pak needs --virtual-account <name>: the Virtual Account to convert into',
      );
    }
    done = await services.conversions.convertPak({
      ...common,
      pakNumber: options.pak,
      license: options.license,
      quantity: options.quantity,
      intoVirtualAccount: options.virtualAccount,
    });
  }
  const [vas, licenses] = await Promise.all([
    services.accounts.virtualAccountsOf([account.id]),
    services.accounts.licensesOf([account.id]),
  ]);
  const vaName = new Map(vas.map((va) => [va.id, va.name]));
  const licenseName = new Map(licenses.map((license) => [license.id, license.name]));
  const rows = done.map((c) => ({
    pak: c.sourceLot.pakNumber,
    license: licenseName.get(c.conversion.licenseId) ?? String(c.conversion.licenseId),
    quantity: c.conversion.quantity,
    from: vaName.get(c.sourceLot.virtualAccountId) ?? '',
    into: vaName.get(c.smartLot.virtualAccountId) ?? '',
    occurredOn: c.conversion.occurredOn,
    smartLotId: c.smartLot.id,
  }));
  const total = rows.reduce((t, r) => t + r.quantity, 0);
  if (options.format === 'json') return render(rows, COLUMNS, 'json');
  return `${render(rows, COLUMNS, 'table')}converted ${total} units in ${rows.length} lots\n`;
}
