/**
 * The only UI words the Outlook on the web adapter reads, per UI language (docs/adding-a-site.md "UI languages").
 * Everything else it reads is ids (`MSG_…_FROM`, `#mectrl_…`), `data-convid`, `data-testid`s and structure.
 */

/**
 * The words before the name in the account button's label, "Account manager for Name (email)". Only needed when
 * the Me-control panel (which holds name and address as text) is missing; a label without a known prefix gives
 * no name, and the address stands in for it.
 */
export const accountLabelPrefixes = ['Account manager for', '帐户管理器', '帳戶管理員', 'アカウント マネージャー'];
