import { hostCss } from '../mount/host.css'
import { promptCss } from '../prompt/Prompt.css'
import { surfaceCss } from '../prompt/Surface.css'
import { spotlightCss } from './Spotlight.css'
import { tourTipCss } from './TourTip.css'

/** Every rule of the tour UI, adopted once per shadow root. */
export const tourCss = hostCss + surfaceCss + promptCss + tourTipCss + spotlightCss
