import type { FindingCode } from '../../metrics/report-types.js';

/** Questions about one explanation or suggested action: "customers with trials", "upsell candidates". */

/**
 * What people call each explanation and suggested action, for "customers with trials", "who has old
 * data?", "upsell opportunities". Checked in order; each must be the whole topic of the question.
 */
const FINDING_TOPICS: readonly (readonly [RegExp, FindingCode])[] = [
  [/^(?:license transfers?|licen[cs]es? (?:moved|reassigned|transferred)|(?:staff |employee )?turnover|leavers)$/, 'license-transfer'],
  [/^(?:duplicates?|duplicate subscriptions?|two subscriptions(?: for one product)?)$/, 'duplicate-subscription'],
  [/^(?:trials?|trial subscriptions?|trial licen[cs]es)$/, 'trial-subscription'],
  [
    /^(?:yammer overuse|yammer used beyond (?:its|their) licen[cs]es|too much yammer|(?:uses? |using )?yammer (?:more than|beyond|over) (?:licen[cs]ed|(?:its|their|the) licen[cs]es|(?:they(?:'re| are)|it(?:'s| is)) licen[cs]ed(?: for)?))$/,
    'yammer-overuse',
  ],
  [
    /^(?:(?:old|stale|outdated|out-of-date) data|data (?:is |that is )?(?:old|stale|outdated|out of date|not fresh)|(?:(?:have|has) (?:not|never)|haven't|hasn't|not|never)(?: been)? (?:synced|updated|refreshed)(?: lately| recently| in a while| this week)?)$/,
    'stale-data',
  ],
  [
    /^(?:unexplained(?: usage)?(?: (?:over|above) 100 ?%?)?|usage (?:over|above) 100 ?%? (?:and|with) no explanation|usage (?:over|above) 100 ?%? without (?:an? )?explanation)$/,
    'usage-above-100-unexplained',
  ],
  [
    /^(?:adoption content|case studies|(?:user )?testimonials|success stories|tutorials|tutorial (?:videos|blogs)|(?:how-?to )?videos|blogs|unused (?:licen[cs]es|seats))$/,
    'adoption-content',
  ],
  [
    /^(?:training(?: and self-?support| opportunit(?:y|ies)| candidates| targets)?|self-?support|(?:too many |many |lots of |(?:a )?lot of |open )?(?:support )?(?:requests|calls|tickets|service requests|support cases)|how-?to questions)$/,
    'training-and-self-support',
  ],
  [
    /^(?:upsells?|upsell (?:opportunit(?:y|ies)|candidates|targets|list)|ready for (?:an? )?upsell|training courses|(?:closest to|close to|near|nearly|almost) (?:full(?:y deployed)?|100 ?%)(?: deployment| deployed)?|(?:running |run |about to run )?out of (?:seats|licen[cs]es)|more (?:seats|licen[cs]es)|(?:can|could|should|shall) (?:i|we) upsell(?: to)?|(?:ready|room) for more (?:seats|licen[cs]es)|where (?:can|could|should) (?:i|we) upsell|(?:could|might|would|can|should|needs? to|ought to) (?:buy|use|need|get|add) more (?:seats|licen[cs]es)|(?:should|could|can|might) (?:upgrade|step up|move up)(?: to .+)?|(?:upgrade|step-?up|e5|copilot|cross-?sell(?:ing)?) (?:candidates|opportunit(?:y|ies)|targets)|cross-?sells?|cross-?selling|ready (?:for|to buy|to upgrade to) (?!(?:renewal|a renewal)$).+)$/,
    'training-upsell',
  ],
];
/** "which customers have", "customers with", "who has", "show", or nothing, around the topic. */
const FINDING_QUESTION =
  /^(?:(?:show|list|find)(?: me)? |(?:the )?(?:count|number) of |how many )?(?:(?:which|what|the|all|my) )?(?:(?:customers?'?|accounts?'?|tenants?'?|who|whose)(?: (?:have got|has got|have|has|having|got|with|are|is|was|were|whose|need|needs|should get|could use|would benefit from))?(?: (?:a|an|any|some))? )?(.+?)(?: customers?| accounts?)?$/;

/**
 * "who should I offer training to?" (the training courses suggested for low adoption and upsell),
 * "who should we send case studies to?": who the suggested action is for.
 */
const WHO_TO = String.raw`^(?:who|which customers?|what customers?|which accounts?) (?:should|could|can|do|shall|might) (?:i|we) `;
const OFFERED_TO: readonly (readonly [RegExp, FindingCode])[] = [
  [
    new RegExp(
      `${WHO_TO}(?:offer|sell|pitch|propose|recommend) (?:(?:the |some |our )?training(?: courses?)?|(?:the |some |our )?courses?) to$`,
    ),
    'training-upsell',
  ],
  [
    new RegExp(
      `${WHO_TO}(?:send|share|show|give|offer) (?:the |some |our )?(?:case studies|testimonials|tutorials|adoption content|success stories) to$`,
    ),
    'adoption-content',
  ],
  [new RegExp(`${WHO_TO}(?:promote|offer|show) (?:the |our )?self-?support(?: options)? to$`), 'training-and-self-support'],
  // "which customers should we upsell E5 to?", "who can I cross-sell to?"
  [new RegExp(`${WHO_TO}(?:upsell|cross-?sell|upgrade|sell more)(?: .+?)? to$`), 'training-upsell'],
];

export function findingAsked(asked: string): FindingCode | null {
  const offered = OFFERED_TO.find(([pattern]) => pattern.test(asked));
  if (offered) return offered[1];
  const topic = FINDING_QUESTION.exec(asked)?.[1];
  if (topic === undefined) return null;
  for (const [pattern, code] of FINDING_TOPICS) if (pattern.test(topic)) return code;
  return null;
}
