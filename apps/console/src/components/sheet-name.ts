/** A worksheet's name from a caption: Excel allows 31 characters and none of * ? : \ / [ ]. */
export function sheetName(caption: string): string {
  return caption.replace(/[*?:\\/[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Sheet1';
}
