/** The forward button row: Next, or Submit on the last question; Skip for optional scales. */
export function Footer({
  label,
  disabled,
  secondary,
  onClick,
}: {
  label: string
  disabled?: boolean
  secondary?: boolean
  onClick: () => void
}) {
  return (
    <div class="ft">
      <button type="button" class={secondary ? 'b alt' : 'b'} disabled={disabled} onClick={onClick}>
        {label}
      </button>
    </div>
  )
}
