return tf;
});
