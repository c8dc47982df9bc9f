// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CsvImport } from '../directory/csv-import';
import { renderInDashboard, testEnv } from '../testing/dashboard-env';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

/** Saved by Excel on a Chinese Windows machine: GB18030 bytes, no BOM (see shared/src/domain/fixtures/SOURCES.md). */
// The extension's tests run from extension/ (under happy-dom import.meta.url is not a file URL).
const gb18030 = readFileSync(path.resolve('../shared/src/domain/fixtures/stakeholders-gb18030.csv'));

function pick(bytes: Uint8Array<ArrayBuffer>) {
  renderInDashboard(<CsvImport onImported={() => {}} />, testEnv('en').env);
  const file = new File([bytes], 'stakeholders.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [file] } });
}

describe('a CSV picked from disk', () => {
  it('is read in the encoding it was saved in, so GB18030 names arrive whole', async () => {
    pick(new Uint8Array(gb18030));
    const pasted = screen.getByLabelText('…or paste the CSV here') as HTMLTextAreaElement;
    await waitFor(() => expect(pasted.value).toContain('李雷,customer,北京蓝天科技有限公司'));
    expect(pasted.value).not.toContain('\uFFFD');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is refused with how to save it when it cannot be read, and nothing is loaded', async () => {
    // Invalid in UTF-8 and in GB18030 alike (0xFF never starts a character in either).
    pick(new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xff, 0xff]));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Save it as CSV UTF-8 in Excel or WPS/));
    expect((screen.getByLabelText('…or paste the CSV here') as HTMLTextAreaElement).value).toBe('');
  });
});
