// The axe rules the journeys' accessibility check runs (tests/e2e/helpers.ts).
import axe from "axe-core";

type AxeImpact = "minor" | "moderate" | "serious" | "critical";
type AxeRuleMeta = {
  id: string;
  impact?: AxeImpact;
  any: (string | { id: string })[];
  all: (string | { id: string })[];
  none: (string | { id: string })[];
};
/**
 * The axe rules that can only report a minor or moderate violation: a rule's result takes the
 * rule's own impact when it has one, else the highest impact of its failing checks (axe-core's
 * finalizeRuleResult). The check below fails on serious and critical ones only, so running these
 * found nothing it would act on, and cost ~40 % of each analysis (issue #19: axe was the largest
 * part of the journeys' time, ~1.2 s a page). Read from the installed axe-core, so a rule whose
 * impact rises in a later version runs again.
 */
export const RULES_BELOW_SERIOUS: string[] = (() => {
  const audit = (
    axe as unknown as {
      _audit: { rules: AxeRuleMeta[]; data: { checks: Record<string, { impact?: AxeImpact }> } };
    }
  )._audit;
  const rank: Record<AxeImpact, number> = { minor: 1, moderate: 2, serious: 3, critical: 4 };
  const highest = (rule: AxeRuleMeta) => {
    if (rule.impact) return rank[rule.impact];
    const impacts = [...rule.any, ...rule.all, ...rule.none].map((check) => {
      const impact = audit.data.checks[typeof check === "string" ? check : check.id]?.impact;
      return impact ? rank[impact] : 0;
    });
    return Math.max(0, ...impacts);
  };
  return audit.rules.filter((rule) => highest(rule) < rank.serious).map((rule) => rule.id);
})();
