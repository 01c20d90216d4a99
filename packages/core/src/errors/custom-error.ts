// Base for every error class: `name` follows the concrete class (also for subclasses written by
// destinations), as an own, non-enumerable, read-only property, like the reference's ts-custom-error.
export class CustomError extends Error {
  constructor(message?: string) {
    super(message)
    Object.defineProperty(this, 'name', {
      value: new.target.name,
      enumerable: false,
      writable: false,
      configurable: true
    })
    // Re-capture so the stack header shows the class name rather than "Error".
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(this, new.target)
  }
}
