// Placeholder until the validation controller lands (task pane issue).
export async function validateFromRibbon(): Promise<void> {
  /* replaced by the task pane's controller */
}
