// One edition's "Add to cart": a plain form posting a server action (works without JavaScript).
// Only the edition id and a quantity are sent; the price is read on the server. No client code
// and no request data, so the product page stays statically cached.
import { addToCartAction } from "@/app/(storefront)/cart/actions";
import type { EditionView } from "@/lib/catalog/shared";
import { isDigital, MAX_PRINT_QUANTITY } from "@/lib/checkout/cart/service";
import styles from "./add-to-cart-form.module.css";

export function AddToCartForm({ edition }: { edition: EditionView }) {
  if (edition.availability !== "in_stock" && edition.availability !== "preorder") return null;
  const quantityId = `quantity-${edition.id}`;
  return (
    <form action={addToCartAction} className={styles.form}>
      <input type="hidden" name="editionId" value={edition.id} />
      {isDigital(edition.format) ? null : (
        <span className={styles.quantity}>
          <label htmlFor={quantityId}>Quantity</label>
          <input
            id={quantityId}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_PRINT_QUANTITY}
            defaultValue={1}
            required
          />
        </span>
      )}
      <button type="submit" className="button">
        Add to cart<span className="visually-hidden">: {edition.formatName}</span>
      </button>
    </form>
  );
}
