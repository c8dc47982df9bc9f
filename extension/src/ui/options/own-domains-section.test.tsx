// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translate } from '../../lib/i18n';
import { ownDomainsItem } from '../../lib/own-domains/storage';
import { OwnDomainsSection } from './own-domains-section';

const t = (key: Parameters<typeof translate>[1], ...subs: (string | number)[]) => translate('en', key, ...subs);

describe('own domains in Options', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('refuses a wildcard or a site the extension already reads, saying why, and stores nothing', async () => {
    render(<OwnDomainsSection t={t} />);
    const input = screen.getByLabelText('Domain');
    await userEvent.type(input, '*.example.cn');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '“*.example.cn” is not a domain such as jira.example.cn.',
    );
    await userEvent.clear(input);
    await userEvent.type(input, 'northwind.atlassian.net');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toContain('is read already');
    expect(await ownDomainsItem.getValue()).toEqual([]);
  });

  it('lists the stored domains with their kind and removes one', async () => {
    await ownDomainsItem.setValue([{ origin: 'https://jira.example.cn', kind: 'jira' }]);
    render(<OwnDomainsSection t={t} />);
    const row = await screen.findByTestId('own-domain');
    expect(row.textContent).toContain('https://jira.example.cn · Jira (Data Center or Server)');
    await userEvent.click(screen.getByRole('button', { name: 'Remove https://jira.example.cn' }));
    await expect.poll(() => ownDomainsItem.getValue()).toEqual([]);
  });
});
