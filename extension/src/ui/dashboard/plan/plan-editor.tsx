export function PlanEditor() {
  return null;
}
