import { describe, expect, it } from 'vitest';
import { purposeSchema } from '../../schemas/purpose';
import { DEFAULT_PURPOSES } from './default-purposes';

describe('DEFAULT_PURPOSES', () => {
  it('are valid purposes with unique ids, four per customer, partner and media', () => {
    for (const p of DEFAULT_PURPOSES) expect(purposeSchema.parse(p)).toEqual(p);
    expect(new Set(DEFAULT_PURPOSES.map((p) => p.id)).size).toBe(12);
    const perType = (t: string) => DEFAULT_PURPOSES.filter((p) => p.stakeholderType === t).map((p) => p.id);
    expect(perType('customer')).toEqual(['product_feedback', 'satisfaction_survey', 'market_research', 'complaint']);
    expect(perType('partner')).toEqual(['project_sync', 'resource_coordination', 'risk_sharing', 'periodic_review']);
    expect(perType('media')).toEqual(['press_release', 'crisis_response', 'brand_maintenance', 'media_enquiry']);
  });
});
