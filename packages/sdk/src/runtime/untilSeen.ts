import { isHidden } from './isHidden'

/**
 * Waits while the tab is hidden and `wanted()` holds; resolves to whether it still does. What is
 * put on screen in a tab the visitor has left is seen by nobody: a survey or tour counts as shown
 * once the tab is seen, not before (its cooldown and recontact window would begin unseen, for good
 * if the tab is never seen again). It waits as the presenter does, on a timer a hidden tab throttles.
 */
export async function untilSeen(win: Window, wanted: () => boolean): Promise<boolean> {
  while (isHidden(win) && wanted()) await new Promise((r) => setTimeout(r, 500))
  return wanted()
}
