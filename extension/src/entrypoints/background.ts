export default defineBackground(() => {
  // Wiring comes with the capture issue.
});
