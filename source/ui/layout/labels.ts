export function percent(similarity: number): string {
  return `${Math.round(similarity * 100)}%`;
}
