import { hostCss } from './mount/host.css'
import { promptCss } from './prompt/Prompt.css'
import { surfaceCss } from './prompt/Surface.css'
import { choiceCss } from './questions/Choice.css'
import { scaleCss } from './questions/Scale.css'

/** Every rule of the survey UI, adopted once per shadow root. */
export const surveyCss = hostCss + surfaceCss + promptCss + scaleCss + choiceCss
